using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class GeoPointPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddContentPart<GeoPointPart, GeoPointPartUnit>("地图位置", 80, choosable: true);
}
