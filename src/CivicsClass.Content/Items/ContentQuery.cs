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

    public ContentOrder OrderBy { get; init; } = ContentOrder.PublishedDescending;
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
}

public sealed record ContentPage(int Total, IReadOnlyList<ContentItem> Items);
