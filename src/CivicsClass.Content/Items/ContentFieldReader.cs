using System.Text.Json;
using System.Text.Json.Nodes;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Items;

/// <summary>
/// Finds an item's fields of one kind by the shape of their stored value, so that indexing needs
/// no type definition: a taxonomy field holds <c>TermIds</c>, a picker <c>ContentItemIds</c>.
/// </summary>
internal static class ContentFieldReader
{
    private static readonly Dictionary<string, string> s_markers = new()
    {
        ["TaxonomyField"] = "TermIds",
        ["ContentPickerField"] = "ContentItemIds",
    };

    public static IEnumerable<(string Name, JsonObject Value)> Fields(ContentItem item, string fieldType)
    {
        if (item.Content[item.ContentType] is not JsonObject fields || !s_markers.TryGetValue(fieldType, out var marker))
        {
            yield break;
        }

        foreach (var (name, value) in fields)
        {
            if (value is JsonObject field && field.ContainsKey(marker))
            {
                yield return (name, field);
            }
        }
    }

    public static T? Deserialize<T>(this JsonObject node) => node.Deserialize<T>(DocumentJson.Options);
}
