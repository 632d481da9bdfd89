namespace CivicsClass.Theme.Models;

public sealed record QuizQuestionView(int Number, string Question, IReadOnlyList<string> Options);

/// <summary>A graded answer; shown only after the server graded the submission.</summary>
public sealed record QuizResultView(int Number, string Question, IReadOnlyList<string> Options, int? Chosen, int Answer, string? Explanation)
{
    public bool Correct => Chosen == Answer;
}

/// <param name="Marks">Whether each answer is shown right or wrong: after a pass, or after a worker's last attempt of the day.</param>
/// <param name="Reveal">Whether the right answers and explanations are shown: only to a worker who has passed.</param>
/// <param name="Note">What the submission earned, or why it earned nothing.</param>
public sealed record QuizView(string LessonUrl, string ActionUrl, IReadOnlyList<QuizQuestionView> Questions, IReadOnlyList<QuizResultView>? Results = null,
    bool Reveal = false, string? Note = null, bool Signed = false, bool Marks = false)
{
    public int Score => Results?.Count(r => r.Correct) ?? 0;
}

public sealed record LessonViewModel(
    PageMeta Meta,
    ContentCard Lesson,
    string BodyHtml,
    ContentCard? Lecturer,
    ContentCard? Venue,
    IReadOnlyList<TermLink> Themes,
    IReadOnlyList<TermLink> Audiences,
    string? VideoUrl,
    string? AudioUrl,
    ContentCard? Course,
    ContentCard? Previous,
    ContentCard? Next,
    IReadOnlyList<ContentCard> Related,
    QuizView? Quiz,
    StudyPanel? Study = null,
    IReadOnlyList<ContentCard>? ForYou = null,
    string? LongImageUrl = null,
    NarrationView? Narration = null,
    MindMapView? MindMap = null) : PageViewModel(Meta);

public sealed record CourseViewModel(PageMeta Meta, ContentCard Course, string IntroductionHtml, IReadOnlyList<ContentCard> Lessons, int TotalMinutes,
    IReadOnlyList<TermLink> Themes) : PageViewModel(Meta);

public sealed record LecturerViewModel(PageMeta Meta, ContentCard Lecturer, string BiographyHtml, string? Category, IReadOnlyList<string> Honours,
    string? Employer, IReadOnlyList<string> Industries, IReadOnlyList<string> Regions, IReadOnlyList<ContentCard> Lessons) : PageViewModel(Meta);

public sealed record VenueViewModel(PageMeta Meta, ContentCard Venue, string HistoryHtml, string? Kind, string? Region, string? Address, string? OpeningHours,
    MapMarker? Location, MapSettings Map, IReadOnlyList<string> Photos, IReadOnlyList<ContentCard> Lessons, IReadOnlyList<ContentCard> UpcomingEvents,
    IReadOnlyList<PanoramaView> Panoramas) : PageViewModel(Meta);

public sealed record TopicViewModel(PageMeta Meta, ContentCard Topic, string IntroductionHtml, IReadOnlyList<ContentCard> Items) : PageViewModel(Meta);

public sealed record EventViewModel(PageMeta Meta, ContentCard Event, string DescriptionHtml, DateTime StartsUtc, DateTime? EndsUtc, bool IsPast,
    ContentCard? Venue, ContentCard? Lecturer, ContentCard? Recording, IReadOnlyList<TermLink> Themes) : PageViewModel(Meta);

public sealed record NotFoundViewModel(PageMeta Meta, IReadOnlyList<ContentCard> Suggestions) : PageViewModel(Meta);

/// <summary>
/// An item of a type without a page of its own, such as one an administrator created: its body, its
/// fields in the order the type defines them, and the items it lists.
/// </summary>
public sealed record ItemViewModel(PageMeta Meta, ContentCard Item, string BodyHtml, IReadOnlyList<FactView> Facts, IReadOnlyList<ContentCard> Items,
    string? VideoUrl, string? AudioUrl, StudyPanel? Study = null) : PageViewModel(Meta);

/// <summary>One field of an item as a labelled fact; empty fields are left out.</summary>
public sealed record FactView(string Label, IReadOnlyList<FactValue> Values);

/// <summary>A field value: text (with a link when it points somewhere), a date, or yes/no.</summary>
public sealed record FactValue(string? Text, string? Url = null, DateTime? When = null, bool? Flag = null);
