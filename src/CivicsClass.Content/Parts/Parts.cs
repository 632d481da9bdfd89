namespace CivicsClass.Content.Parts;

// The parts a content type can be built from. Each is stored under its class name in
// ContentItem.Content; the type definition lists which parts a type has and their settings.

public sealed class TitlePart
{
    public string Title { get; set; } = "";
}

/// <summary>The item's address: <c>{type prefix}/{slug}</c>, e.g. <c>lessons/anyuan-great-strike-1922</c>.</summary>
public sealed class AutoroutePart
{
    public string Path { get; set; } = "";
}

/// <summary>A stable handle for items that code looks up by name (taxonomies).</summary>
public sealed class AliasPart
{
    public string Alias { get; set; } = "";
}

public sealed class SummaryPart
{
    public string Summary { get; set; } = "";
}

public sealed class MarkdownBodyPart
{
    public string Markdown { get; set; } = "";
}

/// <summary>Cover image and gallery, as media library keys.</summary>
public sealed class MediaPart
{
    public string? Cover { get; set; }
    public List<string> Gallery { get; set; } = [];
}

/// <summary>A lesson's video or audio.</summary>
public sealed class MediaPlayerPart
{
    public string? VideoUrl { get; set; }
    public string? AudioUrl { get; set; }
    public int? DurationSeconds { get; set; }
}

/// <summary>Ordered children: a course's lessons, a topic's picks.</summary>
public sealed class ListPart
{
    public List<string> ContentItemIds { get; set; } = [];
}

public sealed class GeoPointPart
{
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class PublishLaterPart
{
    public DateTime? ScheduledPublishUtc { get; set; }
}

public sealed class QuizPart
{
    public List<QuizQuestion> Questions { get; set; } = [];
}

public sealed class QuizQuestion
{
    public string Question { get; set; } = "";
    public List<string> Options { get; set; } = [];

    /// <summary>Zero-based index of the right option; never sent to a browser before grading.</summary>
    public int Answer { get; set; }
    public string? Explanation { get; set; }
}

public sealed class TaxonomyPart
{
    public List<TaxonomyTerm> Terms { get; set; } = [];
}

public sealed class TaxonomyTerm
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<TaxonomyTerm> Children { get; set; } = [];
}
