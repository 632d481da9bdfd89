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

    /// <summary>The scalar values of an item's text, number, boolean and date fields.</summary>
    public static IEnumerable<(string Field, string? Text, decimal? Number, DateTime? Date)> Values(ContentItem item)
    {
        if (item.Content[item.ContentType] is not JsonObject fields)
        {
            yield break;
        }

        foreach (var (name, value) in fields)
        {
            if (value is not JsonObject field)
            {
                continue;
            }

            if (field["Text"] is JsonValue text && text.TryGetValue<string>(out var single))
            {
                yield return (name, single, null, null);
            }

            // A link without a caption, and media paths, are values too: removing a field asks whether any item has one.
            if (field["Url"] is JsonValue url && url.TryGetValue<string>(out var address) && field["Text"] is null)
            {
                yield return (name, address, null, null);
            }

            foreach (var key in (string[])["Values", "Paths"])
            {
                if (field[key] is not JsonArray values)
                {
                    continue;
                }

                foreach (var entry in values.OfType<JsonValue>())
                {
                    if (entry.TryGetValue<string>(out var many))
                    {
                        yield return (name, many, null, null);
                    }
                }
            }

            if (field["Value"] is JsonValue scalar)
            {
                switch (scalar.GetValueKind())
                {
                    case JsonValueKind.Number:
                        yield return (name, null, scalar.GetValue<decimal>(), null);
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        yield return (name, null, scalar.GetValue<bool>() ? 1 : 0, null);
                        break;
                    case JsonValueKind.String when DateTime.TryParse(scalar.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var date):
                        yield return (name, null, null, DateTime.SpecifyKind(date, DateTimeKind.Utc));
                        break;
                }
            }
        }
    }

    public static T? Deserialize<T>(this JsonObject node) => node.Deserialize<T>(DocumentJson.Options);
}
