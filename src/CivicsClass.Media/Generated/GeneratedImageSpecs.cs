using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Settings;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using CivicsClass.Media.Panoramas;

namespace CivicsClass.Media.Generated;

/// <summary>
/// What an item's generated images are drawn from, read from the item itself: its title, its type, the
/// theme or venue kind that picks the motif and colour, and for a long image its lecturer, key points and quiz.
/// </summary>
public sealed class GeneratedImageSpecs(ContentDefinitionManager definitions, ITermTrees terms, IContentManager content, ISession session,
    SiteSettingsStore settings, CjkFonts fonts)
{
    private const string DefaultSiteName = "中国工人大思政课";

    /// <summary>The terms whose colour is fixed, so each theme keeps one colour across the site.</summary>
    private static readonly string[] s_coloured =
    [
        "工运历史", "工匠精神", "劳模精神", "党的创新理论", "法律与维权", "新就业形态劳动者", "产业工人队伍建设改革", "共同富裕", "劳动精神", "技能成才",
        "红色工运旧址", "纪念馆", "工人文化宫", "职工书屋", "劳模创新工作室", "职工爱国主义教育基地",
    ];

    private static readonly Dictionary<string, (string Field, string Taxonomy)> s_motifTerms = new(StringComparer.Ordinal)
    {
        ["Lesson"] = ("Themes", "Theme"), ["Course"] = ("Themes", "Theme"), ["Event"] = ("Themes", "Theme"),
        ["Venue"] = ("Kind", "VenueKind"), ["Lecturer"] = ("Category", "LecturerCategory"),
    };

    public static readonly IReadOnlySet<string> CoveredTypes = new HashSet<string>(StringComparer.Ordinal) { "Lesson", "Course", "Topic", "Event", "Venue", "Lecturer" };

    /// <summary>Lecturers get a portrait mark, other covered types a cover, anything else nothing.</summary>
    public static GeneratedImageKind? KindFor(string contentType) =>
        contentType == "Lecturer" ? GeneratedImageKind.Portrait : CoveredTypes.Contains(contentType) ? GeneratedImageKind.Cover : null;

    /// <summary>The address of the item's generated cover or portrait, or null for a type that has none.</summary>
    public async Task<string?> CoverUrlAsync(ContentItem item) =>
        KindFor(item.ContentType) is { } kind && await CoverAsync(item) is { } spec
            ? GeneratedImageUrl.For(kind, item.ContentItemId, GeneratedImageKeys.For(kind, spec, fonts.Description))
            : null;

    public async Task<CoverSpec?> CoverAsync(ContentItem item)
    {
        if (!CoveredTypes.Contains(item.ContentType))
        {
            return null;
        }

        var term = await MotifTermAsync(item);
        var typeName = (await definitions.GetTypeAsync(item.ContentType))?.DisplayName ?? item.ContentType;
        var seed = Motifs.StableHash(item.ContentItemId) & 0x7fffffff;
        return new CoverSpec(item.DisplayText, term is null ? typeName : $"{typeName} · {term}", Motifs.For(term, seed), PaletteFor(term, seed), seed);
    }

    public async Task<LongImageSpec?> LongImageAsync(ContentItem item, string absoluteUrl)
    {
        if (item.ContentType != "Lesson")
        {
            return null;
        }

        var term = await MotifTermAsync(item);
        var seed = Motifs.StableHash(item.ContentItemId) & 0x7fffffff;
        string? lecturer = null, category = null;
        if (item.Field<ContentPickerField>("Lecturer")?.ContentItemIds.FirstOrDefault() is { } lecturerId
            && await content.GetAsync(lecturerId) is { } person)
        {
            lecturer = person.DisplayText;
            category = await FirstTermAsync(person, "Category", "LecturerCategory");
        }

        var quiz = item.Get<QuizPart>(nameof(QuizPart))?.Questions.FirstOrDefault();
        var site = (await settings.GetAsync(session)).Section<SiteSection>("Site").Name;
        var summary = item.Get<SummaryPart>(nameof(SummaryPart))?.Summary;
        return new LongImageSpec(item.DisplayText, string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(), lecturer, category,
            KeyPoints.From(item.Get<MarkdownBodyPart>(nameof(MarkdownBodyPart))?.Markdown), quiz?.Question, quiz?.Options ?? [],
            string.IsNullOrWhiteSpace(site) ? DefaultSiteName : site, absoluteUrl, Motifs.For(term, seed), PaletteFor(term, seed));
    }

    /// <summary>What a venue's drawn panorama shows, or null when the item has no drawn panorama.</summary>
    public async Task<PanoramaSpec?> PanoramaAsync(ContentItem item)
    {
        if (item.Get<PanoramaPart>(nameof(PanoramaPart))?.Panoramas.Any(p => p.Drawn) != true)
        {
            return null;
        }

        var term = await MotifTermAsync(item);
        var region = await FirstTermAsync(item, "Regions", "Region");
        var seed = Motifs.StableHash(item.ContentItemId) & 0x7fffffff;
        var summary = item.Get<SummaryPart>(nameof(SummaryPart))?.Summary;
        var typeName = (await definitions.GetTypeAsync(item.ContentType))?.DisplayName ?? item.ContentType;
        return new PanoramaSpec(item.DisplayText, string.Join(" · ", new[] { term ?? typeName, region }.OfType<string>()),
            string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(), PanoramaPanels.From(item.Get<MarkdownBodyPart>(nameof(MarkdownBodyPart))?.Markdown),
            Motifs.For(term, seed), PaletteFor(term, seed));
    }

    private static int PaletteFor(string? term, int seed) =>
        term is not null && Array.IndexOf(s_coloured, term) is var index and >= 0 ? index : term is null ? seed : Motifs.StableHash(term) & 0x7fffffff;

    private Task<string?> MotifTermAsync(ContentItem item) =>
        s_motifTerms.TryGetValue(item.ContentType, out var source) ? FirstTermAsync(item, source.Field, source.Taxonomy) : Task.FromResult<string?>(null);

    private async Task<string?> FirstTermAsync(ContentItem item, string field, string taxonomy)
    {
        foreach (var termId in item.Field<TaxonomyField>(field)?.TermIds ?? [])
        {
            if (await terms.NameAsync(taxonomy, termId) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private sealed class SiteSection
    {
        public string? Name { get; set; }
    }
}
