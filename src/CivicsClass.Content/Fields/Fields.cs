namespace CivicsClass.Content.Fields;

// Field values, stored in the type's own part (ContentItem.Content[type][fieldName]).

/// <summary>One text, or several when the field allows many (<see cref="FieldSettings.Multiple"/>).</summary>
public sealed class TextField
{
    public string? Text { get; set; }
    public List<string>? Values { get; set; }
}

public sealed class NumericField
{
    public decimal? Value { get; set; }
}

public sealed class BooleanField
{
    public bool Value { get; set; }
}

public sealed class DateTimeField
{
    public DateTime? Value { get; set; }
}

public sealed class ContentPickerField
{
    public List<string> ContentItemIds { get; set; } = [];
}

public sealed class TaxonomyField
{
    public List<string> TermIds { get; set; } = [];
}

internal sealed class MediaField
{
    public List<string> Paths { get; set; } = [];
}

public sealed class LinkField
{
    public string? Url { get; set; }
    public string? Text { get; set; }
}
