using System.Globalization;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Settings;
using CivicsClass.Media.Generated;
using CivicsClass.Media.Forms;
using CivicsClass.Media.MindMaps;
using CivicsClass.Media.Panoramas;
using CivicsClass.Theme.Models;

namespace CivicsClass.Web.Site;

/// <summary>Builds each content type's detail page model, fetching what it shows in a few batched queries.</summary>
public sealed class DetailPageBuilder(
    IContentManager contentManager,
    CardFactory cards,
    ContentDefinitionManager definitions,
    ContentDisplayBuilder displays,
    SiteSettingsStore settings,
    ISession session,
    LessonForms forms,
    VenuePanoramas panoramas,
    TimeProvider clock)
{
    public const string DefaultTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The page of <paramref name="item"/>: its type's template model, filled from what its parts show, with the parts' own sections.</summary>
    public async Task<PageViewModel> BuildAsync(ContentItem item, IReadOnlyList<int?>? quizAnswers = null)
    {
        var display = await displays.BuildAsync(item);
        PageViewModel page = item.ContentType switch
        {
            "Lesson" => await LessonAsync(item, display, quizAnswers),
            "Course" => await CourseAsync(item, display),
            "Lecturer" => await LecturerAsync(item, display),
            "Venue" => await VenueAsync(item, display),
            "Topic" => await TopicAsync(item, display),
            "Event" => await EventAsync(item, display),
            _ => await ItemAsync(item, display),
        };
        return page with { Sections = display.Sections };
    }

    private static string Body(ContentDisplay display) => display.Get<MarkdownBodyDisplay>()?.Html ?? "";

    private static IReadOnlyList<string> Listed(ContentDisplay display) => display.Get<ListedItemsDisplay>()?.ContentItemIds ?? [];

    private async Task<LessonViewModel> LessonAsync(ContentItem lesson, ContentDisplay display, IReadOnlyList<int?>? answers)
    {
        var course = (await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Course", ReferencedId = lesson.ContentItemId, ReferenceField = nameof(ListPart), Take = 1, IncludeTotal = false,
        })).Items.FirstOrDefault();
        var siblings = course?.Part<ListPart>().ContentItemIds ?? [];
        var position = siblings.IndexOf(lesson.ContentItemId);
        var previousId = position > 0 ? siblings[position - 1] : null;
        var nextId = position >= 0 && position < siblings.Count - 1 ? siblings[position + 1] : null;
        var firstTheme = lesson.Field<TaxonomyField>("Themes")?.TermIds.FirstOrDefault();
        var related = firstTheme is null ? [] : (await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Lesson", TermIds = [firstTheme], Take = 5, IncludeTotal = false,
        })).Items.Where(i => i.ContentItemId != lesson.ContentItemId).Take(4).ToList();
        var ids = new[] { CardFactory.FirstPicked(lesson, "Lecturer"), CardFactory.FirstPicked(lesson, "Venue"), previousId, nextId }.OfType<string>().ToList();
        var linked = (await contentManager.GetManyAsync(ids)).ToDictionary(i => i.ContentItemId);

        var all = await cards.CardsAsync([lesson, .. linked.Values, .. related, .. course is null ? Array.Empty<ContentItem>() : [course]]);
        ContentCard? Card(string? id) => id is null ? null : all.FirstOrDefault(c => c.Id == id);
        var card = all[0];
        var player = display.Get<MediaPlayerDisplay>();
        var quiz = display.Get<QuizDisplay>()?.Questions ?? [];
        var made = await forms.ListAsync(lesson);
        var url = card.Url + "/quiz";
        QuizView? quizView = quiz.Count == 0 ? null : new QuizView(card.Url, url,
            quiz.Select((q, n) => new QuizQuestionView(n + 1, q.Question, q.Options)).ToList(),
            answers is null ? null : quiz.Select((q, n) => new QuizResultView(n + 1, q.Question, q.Options, n < answers.Count ? answers[n] : null, q.Answer, q.Explanation)).ToList());
        return new LessonViewModel(
            Meta(card, "article"),
            card,
            Body(display),
            Card(CardFactory.FirstPicked(lesson, "Lecturer")),
            Card(CardFactory.FirstPicked(lesson, "Venue")),
            await cards.TermLinksAsync(lesson, "Themes", "Theme", "theme"),
            await cards.TermLinksAsync(lesson, "Audiences", "Audience", "audience"),
            player?.VideoUrl, player?.AudioUrl,
            course is null ? null : Card(course.ContentItemId),
            Card(previousId), Card(nextId),
            all.Where(c => related.Any(r => r.ContentItemId == c.Id)).ToList(),
            quizView,
            LongImageUrl: GeneratedImageUrl.LongImage(lesson.ContentItemId),
            Narration: Narration(made),
            MindMap: MindMap(lesson, made));
    }

    private static MindMapView? MindMap(ContentItem lesson, IReadOnlyList<LessonForm> made)
    {
        var picture = made.FirstOrDefault(f => f.Kind == FormKinds.MindMap && f.State == FormState.Ready);
        static MindMapBranch Branch(MindMapNode node) =>
            new(node.Text, node.Kind.ToString().ToLowerInvariant(), node.Children.Select(Branch).ToList());
        return MindMapOutline.Of(lesson) is { } root ? new MindMapView(Branch(root), picture?.Url, picture?.SizeBytes) : null;
    }

    private static NarrationView? Narration(IReadOnlyList<LessonForm> made)
    {
        var narration = made.FirstOrDefault(f => f.Kind == FormKinds.Narration);
        return narration?.Sentences is not { Count: > 0 } sentences ? null : new NarrationView(narration.Url, narration.DurationSeconds,
            sentences.Select(s => new NarrationSentence(s.Text, s.Start, s.End)).ToList(), narration.State == FormState.Unavailable);
    }

    private async Task<CourseViewModel> CourseAsync(ContentItem course, ContentDisplay display)
    {
        var lessons = await contentManager.GetManyAsync(Listed(display));
        var all = await cards.CardsAsync([course, .. lessons]);
        return new CourseViewModel(Meta(all[0]), all[0], Body(display), all.Skip(1).ToList(),
            all.Skip(1).Sum(l => l.DurationMinutes ?? 0), await cards.TermLinksAsync(course, "Themes", "Theme", "theme"));
    }

    private async Task<LecturerViewModel> LecturerAsync(ContentItem lecturer, ContentDisplay display)
    {
        var lessons = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Lesson", ReferencedId = lecturer.ContentItemId, ReferenceField = "Lecturer", Take = 50, IncludeTotal = false,
        });
        var all = await cards.CardsAsync([lecturer, .. lessons.Items]);
        var honours = lecturer.Field<TextField>("Honours");
        return new LecturerViewModel(Meta(all[0], "profile"), all[0], Body(display),
            (await cards.TermNamesAsync(lecturer, "Category", "LecturerCategory")).FirstOrDefault(),
            honours?.Values ?? (honours?.Text is { } one ? [one] : []),
            lecturer.Field<TextField>("Employer")?.Text,
            await cards.TermNamesAsync(lecturer, "Industries", "Industry"),
            await cards.TermNamesAsync(lecturer, "Regions", "Region"),
            all.Skip(1).ToList());
    }

    private async Task<VenueViewModel> VenueAsync(ContentItem venue, ContentDisplay display)
    {
        var lessons = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Lesson", ReferencedId = venue.ContentItemId, ReferenceField = "Venue", Take = 50, IncludeTotal = false,
        });
        var events = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Event", ReferencedId = venue.ContentItemId, ReferenceField = "Venue",
            Fields = [new FieldFilter("StartsAt") { From = clock.GetUtcNow().UtcDateTime }],
            OrderBy = ContentOrder.DateFieldAscending, OrderField = "StartsAt", Take = 10, IncludeTotal = false,
        });
        var all = await cards.CardsAsync([venue, .. lessons.Items, .. events.Items]);
        var point = display.Get<GeoPointDisplay>();
        var card = all[0];
        return new VenueViewModel(Meta(card), card, Body(display),
            (await cards.TermNamesAsync(venue, "Kind", "VenueKind")).FirstOrDefault(),
            (await cards.TermNamesAsync(venue, "Regions", "Region")).FirstOrDefault(),
            venue.Field<TextField>("Address")?.Text,
            venue.Field<TextField>("OpeningHours")?.Text,
            point is null ? null : new MapMarker(point.Latitude, point.Longitude, card.Title, card.Url),
            await MapAsync(),
            display.Get<GalleryDisplay>()?.Images ?? [],
            all.Where(c => c.Type == "Lesson").ToList(),
            all.Where(c => c.Type == "Event").ToList(),
            await panoramas.ListAsync(venue, lessons.Items));
    }

    private async Task<TopicViewModel> TopicAsync(ContentItem topic, ContentDisplay display)
    {
        var items = await contentManager.GetManyAsync(Listed(display));
        var all = await cards.CardsAsync([topic, .. items]);
        return new TopicViewModel(Meta(all[0]), all[0], Body(display), all.Skip(1).ToList());
    }

    private async Task<EventViewModel> EventAsync(ContentItem item, ContentDisplay display)
    {
        var ids = new[] { CardFactory.FirstPicked(item, "Venue"), CardFactory.FirstPicked(item, "Lecturer"), CardFactory.FirstPicked(item, "Recording") }.OfType<string>().ToList();
        var linked = await contentManager.GetManyAsync(ids);
        var all = await cards.CardsAsync([item, .. linked]);
        ContentCard? Card(string field) => CardFactory.FirstPicked(item, field) is { } id ? all.Skip(1).FirstOrDefault(c => c.Id == id) : null;
        var starts = item.Field<DateTimeField>("StartsAt")?.Value ?? item.PublishedUtc ?? item.CreatedUtc;
        var ends = item.Field<DateTimeField>("EndsAt")?.Value;
        return new EventViewModel(Meta(all[0]), all[0], Body(display), starts, ends,
            (ends ?? starts) < clock.GetUtcNow().UtcDateTime, Card("Venue"), Card("Lecturer"), Card("Recording"),
            await cards.TermLinksAsync(item, "Themes", "Theme", "theme"));
    }

    /// <summary>Any other type's page, built from its definition alone, so a type created in the admin has pages without code.</summary>
    private async Task<ItemViewModel> ItemAsync(ContentItem item, ContentDisplay display)
    {
        var fields = (await definitions.GetTypeAsync(item.ContentType))?.Fields ?? [];
        var picked = fields.Where(f => f.Type == nameof(ContentPickerField))
            .SelectMany(f => item.Field<ContentPickerField>(f.Name)?.ContentItemIds ?? []).ToList();
        var listed = Listed(display);
        var linked = await contentManager.GetManyAsync([.. picked, .. listed]);
        var all = await cards.CardsAsync([item, .. linked]);
        ContentCard? Card(string id) => all.Skip(1).FirstOrDefault(c => c.Id == id);

        var facts = new List<FactView>();
        foreach (var field in fields)
        {
            IReadOnlyList<FactValue> values = field.Type switch
            {
                nameof(TextField) => item.Field<TextField>(field.Name) is { } text
                    ? (text.Values ?? (text.Text is null ? [] : [text.Text])).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => new FactValue(v)).ToList()
                    : [],
                nameof(NumericField) => item.Field<NumericField>(field.Name)?.Value is { } number ? [new FactValue(number.ToString("0.##", CultureInfo.InvariantCulture))] : [],
                nameof(BooleanField) => item.Field<BooleanField>(field.Name) is { } flag ? [new FactValue(null, Flag: flag.Value)] : [],
                nameof(DateTimeField) => item.Field<DateTimeField>(field.Name)?.Value is { } when ? [new FactValue(null, When: when)] : [],
                nameof(LinkField) => item.Field<LinkField>(field.Name) is { Url: { } url } link && IsWebAddress(url)
                    ? [new FactValue(string.IsNullOrWhiteSpace(link.Text) ? url : link.Text, url)]
                    : [],
                nameof(TaxonomyField) when field.Settings.Taxonomy is { } taxonomy =>
                    (await cards.TermNamesAsync(item, field.Name, taxonomy)).Select(name => new FactValue(name)).ToList(),
                nameof(ContentPickerField) => (item.Field<ContentPickerField>(field.Name)?.ContentItemIds ?? [])
                    .Select(Card).OfType<ContentCard>().Select(c => new FactValue(c.Title, c.Url)).ToList(),
                _ => [],
            };
            if (values.Count > 0)
            {
                facts.Add(new FactView(field.DisplayName, values));
            }
        }

        var player = display.Get<MediaPlayerDisplay>();
        return new ItemViewModel(Meta(all[0], "article"), all[0], Body(display), facts,
            listed.Select(Card).OfType<ContentCard>().ToList(), player?.VideoUrl, player?.AudioUrl);
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public async Task<MapSettings> MapAsync()
    {
        var map = (await settings.GetAsync(session)).Section<MapOptions>("Map");
        return new MapSettings(string.IsNullOrWhiteSpace(map.TileUrl) ? DefaultTiles : map.TileUrl, map.Attribution ?? "© OpenStreetMap contributors");
    }

    private static PageMeta Meta(ContentCard card, string type = "website") => new(card.Title, card.Summary, card.Url, card.Cover, type);

    private sealed class MapOptions
    {
        public string? TileUrl { get; set; }
        public string? Attribution { get; set; }
    }
}
