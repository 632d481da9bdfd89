using CivicsClass.Content.Handlers;
using CivicsClass.Content.Security;
using CivicsClass.Data;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Media.Formats;
using CivicsClass.Media.Generated;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Forms;
using CivicsClass.Media.Imaging;
using CivicsClass.Media.Library;
using CivicsClass.Media.MindMaps;
using CivicsClass.Media.Narration;
using CivicsClass.Media.Panoramas;
using CivicsClass.Media.Serving;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media;

public static class MediaModule
{
    /// <summary>
    /// The media library: files checked by content, kept through <see cref="IMediaStore"/>, images resized
    /// by libvips (bundled by NetVips.Native) unless switched off, covers and long images drawn for items without them; its permissions, its admin pages
    /// (<see cref="MediaLibraryController"/>) and the theme's image sources.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection("Media"))
            .Validate(o => o.Profiles.Keys.All(name => name.Length is > 0 and <= 20 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')),
                "Media:Profiles names are lower-case letters, digits and hyphens (they name cached files).")
            .ValidateOnStart();
        services.AddSingleton<IPermissionProvider, MediaPermissions>();
        services.AddSingleton<IMediaStore>(sp => new FileSystemMediaStore(Path.Combine(Folder(sp), "media")));
        services.AddSingleton<IImageProcessor>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<MediaOptions>>().Value.ImageProcessor, "none", StringComparison.OrdinalIgnoreCase)
                ? new NoImageProcessor("图片处理已在设置中关闭（Media:ImageProcessor=none），图片按原图提供")
                : VipsImageProcessor.Create());
        services.AddSingleton(sp => new DerivativeCache(Path.Combine(Folder(sp), "media-cache"), sp.GetRequiredService<IImageProcessor>()));
        services.AddSingleton<IDataMigration, MediaMigrations>();
        services.AddSingleton<IIndexProvider, MediaUsageIndexProvider>();
        services.AddSingleton<ResponsiveImages>();
        services.AddSingleton<LibraryAdoption>();
        services.AddHostedService(sp => sp.GetRequiredService<LibraryAdoption>());
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUploads>();
        services.AddScoped<IImageChoices, LibraryImageChoices>();
        services.AddSingleton<Theme.IImageSources, ThemeImages>();
        services.AddGeneratedImages();
        services.AddPanoramas();
        services.AddScoped<IContentHandler, LessonFormatHandler>();
        AddForms(services, configuration);
        // The library's controller is found in this assembly whether or not the host's references brought it in.
        services.AddMvcCore().ConfigureApplicationPartManager(parts =>
        {
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == typeof(MediaModule).Assembly))
            {
                parts.ApplicationParts.Add(new AssemblyPart(typeof(MediaModule).Assembly));
            }
        });
        return services;
    }

    /// <summary>Files and their profiles at <c>/media/{key}</c>, generated images, and the library's admin pages (<see cref="MediaRoutes"/>).</summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMediaAdmin();
        MediaEndpoints.Map(endpoints);
        GeneratedImageEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>
    /// The forms made from a lesson in the background (narration first), queued by a content handler when it
    /// is published and made by <see cref="FormWorker"/> on whichever node claims each job.
    /// </summary>
    private static void AddForms(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FormsOptions>().Bind(configuration.GetSection("Forms"));
        services.AddOptions<NarrationOptions>().Bind(configuration.GetSection("Narration"))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SpeechCommand) && o.SpeechCommand.Contains("{output}", StringComparison.Ordinal),
                "Narration:SpeechCommand names a program and where it writes its WAV file ({output}).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.EncoderCommand) && o.EncoderCommand.Contains("{input}", StringComparison.Ordinal)
                && o.EncoderCommand.Contains("{output}", StringComparison.Ordinal), "Narration:EncoderCommand reads {input} and writes {output}.")
            .Validate(o => o.PauseMilliseconds is >= 0 and <= 5000, "Narration:PauseMilliseconds is between 0 and 5000.")
            .ValidateOnStart();
        services.AddSingleton<IDataMigration, LessonFormMigrations>();
        services.TryAddSingleton<ISpeechSynthesizer>(sp => new CommandSpeechSynthesizer(new CommandTemplate(sp.GetRequiredService<IOptions<NarrationOptions>>().Value.SpeechCommand)));
        // Jobs are claimed in the order they were queued, and queued in this order: the mind map is drawn in
        // milliseconds, so it goes before seconds of speech.
        services.AddSingleton<MindMapRenderer>();
        services.AddSingleton<ILessonFormGenerator, MindMapGenerator>();
        services.AddSingleton<ILessonFormGenerator, NarrationGenerator>();
        services.AddSingleton<FormJobStore>();
        services.AddScoped<IFormJobReport, FormJobReport>();
        services.AddSingleton<FormBackfill>();
        services.AddSingleton<FormWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FormWorker>());
        services.AddScoped<IContentHandler, LessonFormsHandler>();
        services.AddScoped<INarrationLength, NarrationLength>();
        services.AddScoped(sp => new LessonForms(sp.GetServices<ILessonFormGenerator>(), sp.GetRequiredService<FormJobStore>(), sp.GetRequiredService<ISession>()));
    }

    private static string Folder(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MediaOptions>>().Value.Folder is { Length: > 0 } folder ? folder : services.GetRequiredService<AppDataFolder>().Path;
}
