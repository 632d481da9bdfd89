using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Items;

/// <summary>
/// One version of a content item. Every save makes a new version (a new document); the item is
/// the set of versions sharing <see cref="ContentItemId"/>, of which at most one is
/// <see cref="Latest"/> and at most one <see cref="Published"/>.
/// </summary>
public sealed class ContentItem : Document
{
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string DisplayText { get; set; } = "";

    [JsonConverter(typeof(JsonStringEnumConverter<ContentStatus>))]
    public ContentStatus Status { get; set; } = ContentStatus.Draft;

    public bool Latest { get; set; }
    public bool Published { get; set; }

    /// <summary>1 for the first version, then one more for every save.</summary>
    public int Number { get; set; }

    public string? Owner { get; set; }
    public string? Author { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>Parts by name (<c>TitlePart</c>, …) and the type's own part holding its fields (<c>Lesson</c>).</summary>
    public JsonObject Content { get; set; } = [];

    public T? Get<T>(string name) where T : class =>
        Content[name] is JsonObject node ? node.Deserialize<T>(Data.Documents.DocumentJson.Options) : null;

    public T Part<T>() where T : class, new() => Get<T>(typeof(T).Name) ?? new T();

    public void Apply<T>(T part) where T : class => Apply(typeof(T).Name, part);

    public void Apply(string name, object value) =>
        Content[name] = JsonSerializer.SerializeToNode(value, value.GetType(), Data.Documents.DocumentJson.Options);

    /// <summary>A field stored in the type's own part.</summary>
    public T? Field<T>(string fieldName) where T : class =>
        (Content[ContentType] as JsonObject)?[fieldName] is JsonObject node ? node.Deserialize<T>(Data.Documents.DocumentJson.Options) : null;

    public void SetField(string fieldName, object value)
    {
        if (Content[ContentType] is not JsonObject fields)
        {
            fields = [];
            Content[ContentType] = fields;
        }

        fields[fieldName] = JsonSerializer.SerializeToNode(value, value.GetType(), Data.Documents.DocumentJson.Options);
    }

    /// <summary>A new version carrying this one's content; it is not saved.</summary>
    public ContentItem CloneAsNewVersion() => new()
    {
        ContentItemId = ContentItemId,
        ContentItemVersionId = ContentIds.New(),
        ContentType = ContentType,
        DisplayText = DisplayText,
        Status = ContentStatus.Draft,
        Number = Number + 1,
        Owner = Owner,
        Author = Author,
        CreatedUtc = CreatedUtc,
        ModifiedUtc = ModifiedUtc,
        PublishedUtc = PublishedUtc,
        Content = (JsonObject)Content.DeepClone(),
    };
}
