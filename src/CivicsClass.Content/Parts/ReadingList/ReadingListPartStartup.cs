using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class ReadingListPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddContentPart<ReadingListPart, ReadingListPartUnit>("延伸阅读", 105);
}
