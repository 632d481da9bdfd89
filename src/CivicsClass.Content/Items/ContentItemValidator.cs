using System.Text.Json.Nodes;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Content.Items;

/// <summary>Checks an item against its type definition: each part by its unit, then the type's fields and their references.</summary>
internal sealed class ContentItemValidator(ContentDefinitionManager definitions, TaxonomyService taxonomies, ContentReferences references,
    IEnumerable<IPartValidator> validators, KnownParts parts)
{
    private readonly IReadOnlyList<IPartValidator> _validators = validators.OrderBy(v => parts.Position(v.PartName)).ToList();

    public async Task ValidateAsync(ContentItem item, ISession session, ContentValidationResult result)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            result.Fail(nameof(item.ContentType), $"内容类型“{item.ContentType}”不存在。");
            return;
        }

        foreach (var validator in _validators)
        {
            if (type.Part(validator.PartName) is { } part)
            {
                await validator.ValidateAsync(new PartValidationContext(item, type, part, session, result));
            }
        }

        foreach (var field in type.Fields)
        {
            await ValidateFieldAsync(item, field, session, result);
        }
    }

    private async Task ValidateFieldAsync(ContentItem item, ContentFieldDefinition field, ISession session, ContentValidationResult result)
    {
        var member = $"{item.ContentType}.{field.Name}";
        var label = string.IsNullOrEmpty(field.DisplayName) ? field.Name : field.DisplayName;
        var node = (item.Content[item.ContentType] as JsonObject)?[field.Name] as JsonObject;
        var settings = field.Settings;
        switch (field.Type)
        {
            case "TextField":
                var text = node?.Deserialize<TextField>();
                var values = text?.Values ?? (string.IsNullOrWhiteSpace(text?.Text) ? [] : [text!.Text!]);
                if (settings.Required && values.Count == 0)
                {
                    result.Fail(member, $"“{label}”不能为空。");
                }

                foreach (var value in values)
                {
                    if (settings.MaxLength is { } max && value.Length > max)
                    {
                        result.Fail(member, $"“{label}”不能超过 {max} 个字（现在是 {value.Length} 个）。");
                    }

                    if (settings.Options is { Count: > 0 } options && !options.Contains(value))
                    {
                        result.Fail(member, $"“{label}”只能是 {string.Join("、", options)} 之一，不能是“{value}”。");
                    }
                }

                break;
            case "NumericField":
                var number = node?.Deserialize<NumericField>()?.Value;
                if (settings.Required && number is null)
                {
                    result.Fail(member, $"“{label}”不能为空。");
                }
                else if (number < settings.Minimum || number > settings.Maximum)
                {
                    result.Fail(member, $"“{label}”应在 {settings.Minimum} 到 {settings.Maximum} 之间。");
                }

                break;
            case "DateTimeField":
                if (settings.Required && node?.Deserialize<DateTimeField>()?.Value is null)
                {
                    result.Fail(member, $"“{label}”不能为空。");
                }

                break;
            case "ContentPickerField":
                var ids = node?.Deserialize<ContentPickerField>()?.ContentItemIds ?? [];
                if (settings.Required && ids.Count == 0)
                {
                    result.Fail(member, $"请选择“{label}”。");
                }
                else if (!settings.Multiple && ids.Count > 1)
                {
                    result.Fail(member, $"“{label}”只能选择一项。");
                }

                await references.ValidateAsync(ids, settings.AllowedTypes, member, label, session, result);
                break;
            case "TaxonomyField":
                var termIds = node?.Deserialize<TaxonomyField>()?.TermIds ?? [];
                if (settings.Required && termIds.Count == 0)
                {
                    result.Fail(member, $"请选择“{label}”。");
                }
                else if (!settings.Multiple && termIds.Count > 1)
                {
                    result.Fail(member, $"“{label}”只能选择一项。");
                }

                if (settings.Taxonomy is { } handle && termIds.Count > 0)
                {
                    var terms = await taxonomies.GetTermsAsync(handle, session);
                    foreach (var termId in termIds.Where(id => !terms.ContainsKey(id)))
                    {
                        result.Fail(member, $"“{label}”中的“{termId}”不是分类“{handle}”里的词条。");
                    }
                }

                break;
        }
    }

    /// <summary>Whether another item's current draft or published version has <paramref name="path"/>.</summary>
    internal static async Task<bool> IsPathTakenAsync(ISession session, string path, string contentItemId)
    {
        const string sql = """
            SELECT COUNT(*) FROM content_item_index
            WHERE path = @path AND content_item_id <> @id AND (latest = TRUE OR published = TRUE)
            """;
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { path, id = contentItemId }, transaction) > 0;
    }
}
