using CivicsClass.Content.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Media.Panoramas;

internal static class PanoramasSetup
{
    /// <summary>Venues' 360° panoramas: uploads checked for their 2:1 shape, halls drawn for venues without a photograph, and the views with hotspots.</summary>
    public static IServiceCollection AddPanoramas(this IServiceCollection services)
    {
        services.AddSingleton<PanoramaWalls>();
        services.AddSingleton<PanoramaRenderer>();
        services.AddScoped<PanoramaUploads>();
        services.AddScoped<VenuePanoramas>();
        services.AddScoped<PanoramaEditor>();
        services.AddPartContribution<PanoramaPartEditor>();
        return services;
    }
}
