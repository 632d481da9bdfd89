using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

internal sealed class MarkdownBodyPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddContentPart<MarkdownBodyPart, MarkdownBodyPartUnit>("正文（Markdown）", 40, choosable: true);
}
