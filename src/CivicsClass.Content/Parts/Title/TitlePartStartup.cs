using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class TitlePartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddContentPart<TitlePart, TitlePartUnit>("标题", 10);
}
