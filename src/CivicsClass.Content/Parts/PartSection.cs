namespace CivicsClass.Content.Parts;

/// <summary>
/// A block of links a part adds to its item's page, rendered by every detail template alike. The heading comes in
/// both of the site's languages because the part, not the theme, knows what it is called.
/// </summary>
public sealed record PartSection(string PartName, string Heading, string EnglishHeading, IReadOnlyList<PartLink> Links);
