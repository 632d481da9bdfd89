using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

/// <summary>The editor's publish-at box and the scheduler read this part; it has no inputs of its own among the parts'.</summary>
internal sealed class PublishLaterPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddContentPart<PublishLaterPart>("定时发布", 110, choosable: true);
}
