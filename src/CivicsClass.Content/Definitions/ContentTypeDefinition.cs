using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Definitions;

/// <summary>A content type: its parts, its fields and their settings. Defined by recipes, editable by administrators.</summary>
public sealed class ContentTypeDefinition : Document
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Types that editors create directly (not taxonomies).</summary>
    public bool Creatable { get; set; } = true;

    /// <summary>Who creates and edits items of this type.</summary>
    public TypeAuthoring Authoring { get; set; } = TypeAuthoring.Editors;

    /// <summary>Items of this type are studied: a study session, a quiz and the points for both (a lesson).</summary>
    public bool Studied { get; set; }

    /// <summary>Workers check in at items of this type with its QR code.</summary>
    public CheckInKind CheckIn { get; set; } = CheckInKind.None;
    public List<ContentPartDefinition> Parts { get; set; } = [];
    public List<ContentFieldDefinition> Fields { get; set; } = [];

    public bool Has(string partName) => Parts.Any(p => p.Name == partName);

    public ContentPartDefinition? Part(string partName) => Parts.FirstOrDefault(p => p.Name == partName);
}

public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";
    public PartSettings Settings { get; set; } = new();
}

public sealed class PartSettings
{
    public bool? Required { get; set; }
    public int? MaxLength { get; set; }

    /// <summary>Autoroute: the path prefix, e.g. <c>lessons</c>.</summary>
    public string? Prefix { get; set; }

    /// <summary>List: the types a list may hold.</summary>
    public List<string>? ContainedTypes { get; set; }

    /// <summary>List: what the editor calls the list, e.g. <c>包含的课程（按顺序）</c>.</summary>
    public string? Label { get; set; }
}

public sealed class ContentFieldDefinition
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Type { get; set; } = "";
    public FieldSettings Settings { get; set; } = new();
}

public sealed class FieldSettings
{
    public bool Required { get; set; }
    public bool Multiple { get; set; }
    public int? MaxLength { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }

    /// <summary>Text: the allowed values, when the field is a choice.</summary>
    public List<string>? Options { get; set; }

    /// <summary>Content picker: the types it may point at.</summary>
    public List<string>? AllowedTypes { get; set; }

    /// <summary>Taxonomy field: the taxonomy's alias.</summary>
    public string? Taxonomy { get; set; }

    public string? Hint { get; set; }

    /// <summary>
    /// Filled in by the platform from what the item really has (a lesson's format from its video, audio or
    /// long image), never typed: editors do not show it and whatever a form or seed file says is replaced.
    /// </summary>
    public bool Derived { get; set; }
}

internal static class KnownFields
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "TextField", "NumericField", "BooleanField", "DateTimeField", "ContentPickerField", "TaxonomyField", "MediaField", "LinkField",
    };
}
