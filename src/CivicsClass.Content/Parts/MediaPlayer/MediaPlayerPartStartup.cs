using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class MediaPlayerPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddContentPart<MediaPlayerPart, MediaPlayerPartUnit>("视频或音频", 70, choosable: true);
}
