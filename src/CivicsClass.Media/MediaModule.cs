using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Library;
using CivicsClass.Media.Serving;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media;

public static class MediaModule
{
    /// <summary>The media library: files checked by content, kept through <see cref="IMediaStore"/>, images resized by libvips (bundled by NetVips.Native) unless switched off.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection("Media"))
            .Validate(o => o.Profiles.Keys.All(name => name.Length is > 0 and <= 20 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')),
                "Media:Profiles names are lower-case letters, digits and hyphens (they name cached files).")
            .ValidateOnStart();
        services.AddSingleton<IMediaStore>(sp => new FileSystemMediaStore(Path.Combine(Folder(sp, contentRoot), "media")));
        services.AddSingleton<IImageProcessor>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<MediaOptions>>().Value.ImageProcessor, "none", StringComparison.OrdinalIgnoreCase)
                ? new NoImageProcessor("图片处理已在设置中关闭（Media:ImageProcessor=none），图片按原图提供")
                : VipsImageProcessor.Create());
        services.AddSingleton(sp => new DerivativeCache(Path.Combine(Folder(sp, contentRoot), "media-cache"), sp.GetRequiredService<IImageProcessor>()));
        services.AddSingleton<IDataMigration, MediaMigrations>();
        services.AddSingleton<IIndexProvider, MediaUsageIndexProvider>();
        services.AddSingleton<ResponsiveImages>();
        services.AddSingleton<LibraryAdoption>();
        services.AddHostedService(sp => sp.GetRequiredService<LibraryAdoption>());
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUploads>();
        return services;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        MediaEndpoints.Map(endpoints);
        return endpoints;
    }

    private static string Folder(IServiceProvider services, string contentRoot) =>
        services.GetRequiredService<IOptions<MediaOptions>>().Value.Folder is { Length: > 0 } folder ? folder : Path.Combine(contentRoot, "App_Data");
}
