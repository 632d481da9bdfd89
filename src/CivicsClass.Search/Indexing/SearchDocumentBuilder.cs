using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Search.Analysis;

namespace CivicsClass.Search.Indexing;

/// <summary>
/// What of an item is searched: title, what its parts give (summary, body text without Markdown syntax, address),
/// and the names it carries (lecturer, venue, taxonomy terms), which also become filters
/// (<c>type_lesson</c>, <c>theme_{termId}</c>, <c>lecturer_{name}</c>).
/// </summary>
public sealed class SearchDocumentBuilder(IContentManager contentManager, ContentSearchParts parts, Content.Taxonomies.TaxonomyService taxonomies,
    Data.Documents.ISession session, TextAnalyzer analyzer)
{
    /// <summary>
    /// Every item with a public address is searched, whatever its type: a type an administrator
    /// creates with an address is found the moment its first item is published.
    /// </summary>
    public static bool IsSearched(ContentItem item) => item.Get<AutoroutePart>(nameof(AutoroutePart)) is { Path.Length: > 0 };

    private static readonly (string Field, string Taxonomy, string Filter)[] s_termFields =
    [
        ("Themes", "Theme", "theme"), ("Regions", "Region", "region"), ("Industries", "Industry", "industry"),
        ("Audiences", "Audience", "audience"), ("Category", "LecturerCategory", "category"), ("Kind", "VenueKind", "kind"),
    ];

    public async Task<SearchDocument> BuildAsync(ContentItem item)
    {
        var names = new List<string>();
        var filters = new List<string> { "type_" + item.ContentType.ToLowerInvariant() };
        foreach (var (field, taxonomy, filter) in s_termFields)
        {
            var ids = item.Field<TaxonomyField>(field)?.TermIds ?? [];
            if (ids.Count == 0)
            {
                continue;
            }

            var terms = await taxonomies.GetTermsAsync(taxonomy, session);
            foreach (var id in ids)
            {
                filters.Add($"{filter}_{id}");
                if (terms.TryGetValue(id, out var term))
                {
                    names.Add(term.Name);
                }
            }
        }

        var people = new[] { item.Field<ContentPickerField>("Lecturer"), item.Field<ContentPickerField>("Venue") }
            .SelectMany(f => f?.ContentItemIds ?? []).ToList();
        foreach (var linked in await contentManager.GetManyAsync(people))
        {
            names.Add(linked.DisplayText);
            if (linked.ContentType == "Lecturer")
            {
                filters.Add(LecturerFilter(linked.DisplayText));
            }
        }

        if (item.ContentType == "Lecturer")
        {
            filters.Add(LecturerFilter(item.DisplayText));
        }

        var searched = parts.Index(item);
        names.AddRange(searched.Names);
        filters.AddRange(searched.Filters);
        return new SearchDocument(item.ContentItemId, item.ContentType, item.DisplayText, searched.Summary, string.Join('\n', searched.Body),
            searched.Path, item.PublishedUtc, names, filters.Distinct().ToList());
    }

    /// <summary>Lecturers are filtered by name: <c>lecturer:王海涛</c>.</summary>
    public string LecturerFilter(string name) => "lecturer_" + analyzer.Normaliser.Normalise(name).Replace(" ", "", StringComparison.Ordinal);
}
