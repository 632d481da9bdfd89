namespace CivicsClass.Search.Indexing;

/// <summary>What the index keeps of a published item: texts to search and show, and the filters it can be narrowed by.</summary>
public sealed record SearchDocument(
    string ContentItemId,
    string ContentType,
    string Title,
    string Summary,
    string Body,
    string Url,
    DateTime? PublishedUtc,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Filters);
