using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Media.Generated;

internal static class GeneratedImagesSetup
{
    /// <summary>Covers, portrait marks and long images drawn with Skia from the items themselves.</summary>
    public static IServiceCollection AddGeneratedImages(this IServiceCollection services)
    {
        services.AddSingleton<CjkFonts>();
        services.AddSingleton<CoverRenderer>();
        services.AddSingleton<LongImageRenderer>();
        services.AddSingleton<GeneratedImageDrawing>();
        services.AddScoped<GeneratedImageSpecs>();
        return services;
    }
}
