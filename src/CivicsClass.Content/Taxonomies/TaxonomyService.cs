using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Taxonomies;

/// <summary>
/// Taxonomies are content items of type <c>Taxonomy</c> found by their alias (<c>Theme</c>,
/// <c>Region</c>, …); their terms live in the item's <see cref="TaxonomyPart"/>.
/// </summary>
public sealed class TaxonomyService
{
    public const string ContentType = "Taxonomy";

    private readonly Dictionary<string, IReadOnlyDictionary<string, TaxonomyTerm>> _terms = new(StringComparer.Ordinal);

    public async Task<ContentItem?> GetTaxonomyAsync(string alias, ISession session, bool published = false)
    {
        var items = await session.QueryAsync<ContentItem>("content_item_index",
            published ? "i.alias = @alias AND i.published = TRUE" : "i.alias = @alias AND i.latest = TRUE",
            new { alias }, take: 1);
        return items.FirstOrDefault();
    }

    /// <summary>The terms of a taxonomy by id, children included.</summary>
    public async Task<IReadOnlyDictionary<string, TaxonomyTerm>> GetTermsAsync(string alias, ISession session)
    {
        if (_terms.TryGetValue(alias, out var cached))
        {
            return cached;
        }

        var taxonomy = await GetTaxonomyAsync(alias, session);
        var terms = Flatten(taxonomy?.Part<TaxonomyPart>().Terms ?? []).ToDictionary(t => t.Id, StringComparer.Ordinal);
        _terms[alias] = terms;
        return terms;
    }

    public async Task<TaxonomyTerm?> FindTermByNameAsync(string alias, string name, ISession session) =>
        (await GetTermsAsync(alias, session)).Values.FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.Ordinal));

    /// <summary>Forgets what this unit of work read, after it changed a taxonomy.</summary>
    public void Forget(string alias) => _terms.Remove(alias);

    /// <summary>A new term's id derives from the taxonomy and its name, so the same recipe gives the same ids on every site.</summary>
    public static string TermId(string alias, string name) => ContentIds.FromKey($"term:{alias}:{name}");

    public static IEnumerable<TaxonomyTerm> Flatten(IEnumerable<TaxonomyTerm> terms) =>
        terms.SelectMany(t => Flatten(t.Children).Prepend(t));
}
