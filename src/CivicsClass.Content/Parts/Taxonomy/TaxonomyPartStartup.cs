using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Parts;

/// <summary>A taxonomy's terms are edited in the taxonomy admin, not in the generated editor.</summary>
internal sealed class TaxonomyPartStartup : ContentPartStartup
{
    public override void ConfigureServices(IServiceCollection services) => services.AddContentPart<TaxonomyPart>("分类词条", 120);
}
