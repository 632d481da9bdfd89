using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class AutoroutePartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddContentPart<AutoroutePart, AutoroutePartUnit>("网址（有自己的页面，能被搜索到）", 20, choosable: true);
}
