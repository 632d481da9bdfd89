using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class PanoramaPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddContentPart<PanoramaPart, PanoramaPartUnit>("全景图", 60);
}
