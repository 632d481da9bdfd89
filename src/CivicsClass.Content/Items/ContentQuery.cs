namespace CivicsClass.Content.Items;

/// <summary>A query over content items. Published versions unless <see cref="Latest"/> is set.</summary>
public sealed record ContentQuery
{
    public string? ContentType { get; init; }
    public IReadOnlyList<string>? ContentTypes { get; init; }
    public bool Latest { get; init; }
    public ContentStatus? Status { get; init; }
    public string? Owner { get; init; }

    /// <summary>Items carrying every one of these taxonomy terms.</summary>
    public IReadOnlyList<string> TermIds { get; init; } = [];

    /// <summary>Items listed by this container (a course's lessons, a topic's picks), in the container's order.</summary>
    public string? ContainerId { get; init; }

    /// <summary>Items whose picker field points at this item (a lecturer's lessons).</summary>
    public string? ReferencedId { get; init; }
    public string? ReferenceField { get; init; }

    /// <summary>Items whose text field has one of the values (OR within a filter, AND across filters).</summary>
    public IReadOnlyList<FieldFilter> Fields { get; init; } = [];

    public ContentOrder OrderBy { get; init; } = ContentOrder.PublishedDescending;
    /// <summary>With <see cref="ContentOrder.DateFieldAscending"/>, <see cref="ContentOrder.DateFieldDescending"/> or <see cref="ContentOrder.NumberFieldAscending"/>: the field to sort by; with <see cref="ContentOrder.MetricDescending"/>, the metric.</summary>
    public string? OrderField { get; init; }

    /// <summary>Items whose title contains this text (case-insensitive for Latin letters).</summary>
    public string? TitleContains { get; init; }

    /// <summary>When false the page is read without counting all matches (Total is then the page's size).</summary>
    public bool IncludeTotal { get; init; } = true;

    public int Skip { get; init; }
    public int Take { get; init; } = 20;
}

public enum ContentOrder
{
    PublishedDescending,
    ModifiedDescending,
    CreatedDescending,
    TitleAscending,
    ContainerPosition,
    DateFieldAscending,
    DateFieldDescending,
    NumberFieldAscending,

    /// <summary>By a metric other modules keep about items in <c>content_metric</c> (<see cref="ContentQuery.OrderField"/> names it), highest first.</summary>
    MetricDescending,
}

/// <summary>A field filter: <see cref="Texts"/> matches any of the texts; the bounds are inclusive.</summary>
public sealed record FieldFilter(string Field)
{
    public IReadOnlyList<string> Texts { get; init; } = [];
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public DateTime? From { get; init; }
    public DateTime? Until { get; init; }
}

public sealed class ContentAddress
{
    public string Path { get; init; } = "";
    public DateTime ModifiedUtc { get; init; }
}

public sealed record ContentPage(int Total, IReadOnlyList<ContentItem> Items);
