using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class MediaPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddContentPart<MediaPart, MediaPartUnit>("封面和图集", 50, choosable: true).AddPartContribution<MediaPartEditor>();
}
