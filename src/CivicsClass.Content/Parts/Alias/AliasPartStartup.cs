using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

/// <summary>An alias has no editor or page: code looks items up by it, and the taxonomy admin sets it.</summary>
internal sealed class AliasPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddContentPart<AliasPart>("别名", 25);
}
