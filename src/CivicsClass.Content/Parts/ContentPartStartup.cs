using Microsoft.Extensions.DependencyInjection;

// Everything under Parts/ shares this namespace whatever its folder: items, pages and modules read the part classes,
// and a folder groups one part with its unit rather than asking every reader for one more import.
namespace CivicsClass.Content.Parts;

/// <summary>
/// Registers one part and its unit. Each part's folder holds one, found when the content module starts, so adding a
/// part is adding its folder (and naming it in a recipe), as an Orchard Core module's startup is found.
/// </summary>
internal abstract class ContentPartStartup
{
    public abstract void ConfigureServices(IServiceCollection services);

    /// <summary>Every startup in this assembly, in a fixed order, so registrations do not depend on how the compiler lists types.</summary>
    public static IEnumerable<ContentPartStartup> All() =>
        typeof(ContentPartStartup).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ContentPartStartup)) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ContentPartStartup)Activator.CreateInstance(t)!);
}
