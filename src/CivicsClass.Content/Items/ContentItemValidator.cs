using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Content.Items;

/// <summary>Checks an item against its type definition: parts' and fields' settings, references and slugs.</summary>
internal sealed partial class ContentItemValidator(ContentDefinitionManager definitions, TaxonomyService taxonomies)
{
    private const int DefaultTitleLength = 200;

    public async Task ValidateAsync(ContentItem item, ISession session, ContentValidationResult result)
    {
        var type = await definitions.GetTypeAsync(item.ContentType);
        if (type is null)
        {
            result.Fail(nameof(item.ContentType), $"内容类型“{item.ContentType}”不存在。");
            return;
        }

        ValidateTitle(item, type, result);
        await ValidatePathAsync(item, type, session, result);
        ValidateSummary(item, type, result);
        ValidateQuiz(item, type, result);
        ValidateGeoPoint(item, type, result);
        await ValidateListAsync(item, type, session, result);
        foreach (var field in type.Fields)
        {
            await ValidateFieldAsync(item, field, session, result);
        }
    }

    private static void ValidateTitle(ContentItem item, ContentTypeDefinition type, ContentValidationResult result)
    {
        if (type.Part(nameof(TitlePart)) is not { } part)
        {
            return;
        }

        var title = item.Part<TitlePart>().Title?.Trim() ?? "";
        var max = part.Settings.MaxLength ?? DefaultTitleLength;
        if (title.Length == 0 && part.Settings.Required != false)
        {
            result.Fail("TitlePart.Title", "标题不能为空。");
        }
        else if (title.Length > max)
        {
            result.Fail("TitlePart.Title", $"标题不能超过 {max} 个字（现在是 {title.Length} 个）。");
        }
    }

    private static async Task ValidatePathAsync(ContentItem item, ContentTypeDefinition type, ISession session, ContentValidationResult result)
    {
        if (!type.Has(nameof(AutoroutePart)))
        {
            return;
        }

        var path = item.Part<AutoroutePart>().Path;
        if (string.IsNullOrEmpty(path))
        {
            result.Fail("AutoroutePart.Path", "地址不能为空：请填写地址，或者先填写标题，由标题的拼音生成。");
            return;
        }

        var prefix = type.Part(nameof(AutoroutePart))!.Settings.Prefix?.Trim('/');
        var slug = string.IsNullOrEmpty(prefix) ? path : path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[(prefix.Length + 1)..] : null;
        if (slug is null || !SlugPattern().IsMatch(slug) || path.Length > 200)
        {
            var shape = string.IsNullOrEmpty(prefix) ? "" : $"“{prefix}/”加上";
            result.Fail("AutoroutePart.Path", $"地址“{path}”应是{shape}由字母、数字、汉字和连字符组成的名字，且不超过 200 个字符。");
            return;
        }

        if (await IsPathTakenAsync(session, path, item.ContentItemId))
        {
            // Only that it is taken: the other item may be someone else's private draft.
            result.Fail("AutoroutePart.Path", $"地址“{path}”已被占用，请换一个。");
        }
    }

    private static void ValidateSummary(ContentItem item, ContentTypeDefinition type, ContentValidationResult result)
    {
        if (type.Part(nameof(SummaryPart)) is not { } part)
        {
            return;
        }

        var summary = item.Part<SummaryPart>().Summary ?? "";
        if (part.Settings.Required == true && summary.Trim().Length == 0)
        {
            result.Fail("SummaryPart.Summary", "摘要不能为空。");
        }

        if (part.Settings.MaxLength is { } max && summary.Length > max)
        {
            result.Fail("SummaryPart.Summary", $"摘要不能超过 {max} 个字（现在是 {summary.Length} 个）。");
        }
    }

    private static void ValidateQuiz(ContentItem item, ContentTypeDefinition type, ContentValidationResult result)
    {
        if (!type.Has(nameof(QuizPart)))
        {
            return;
        }

        var questions = item.Part<QuizPart>().Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var member = $"QuizPart.Questions[{i}]";
            if (string.IsNullOrWhiteSpace(question.Question))
            {
                result.Fail(member, $"第 {i + 1} 题缺少题干。");
            }

            if (question.Options.Count < 2 || question.Options.Any(string.IsNullOrWhiteSpace))
            {
                result.Fail(member, $"第 {i + 1} 题至少需要两个非空选项。");
            }
            else if (question.Answer < 0 || question.Answer >= question.Options.Count)
            {
                result.Fail(member, $"第 {i + 1} 题的正确答案必须是第 1 到第 {question.Options.Count} 个选项之一。");
            }
        }
    }

    private static void ValidateGeoPoint(ContentItem item, ContentTypeDefinition type, ContentValidationResult result)
    {
        if (!type.Has(nameof(GeoPointPart)))
        {
            return;
        }

        var point = item.Part<GeoPointPart>();
        if (point.Latitude is < -90 or > 90 || point.Longitude is < -180 or > 180)
        {
            result.Fail("GeoPointPart", "坐标超出范围：纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间。");
        }
        else if (point.Latitude is null != point.Longitude is null)
        {
            result.Fail("GeoPointPart", "纬度和经度要么都填，要么都不填。");
        }
    }

    private async Task ValidateListAsync(ContentItem item, ContentTypeDefinition type, ISession session, ContentValidationResult result)
    {
        if (type.Part(nameof(ListPart)) is not { } part)
        {
            return;
        }

        var ids = item.Part<ListPart>().ContentItemIds;
        await ValidateReferencesAsync(ids, part.Settings.ContainedTypes, "ListPart.ContentItemIds", "列表", session, result);
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

                await ValidateReferencesAsync(ids, settings.AllowedTypes, member, label, session, result);
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

    private async Task ValidateReferencesAsync(IReadOnlyList<string> ids, IReadOnlyList<string>? allowedTypes, string member, string label,
        ISession session, ContentValidationResult result)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var sql = $"SELECT content_item_id, content_type, display_text FROM content_item_index WHERE {session.Dialect.InList("content_item_id", "ids")} AND latest = TRUE";
        var (connection, transaction) = await session.GetConnectionAsync();
        var found = (await connection.QueryAsync<ReferenceRow>(sql, new { ids = ids.Distinct().ToArray() }, transaction))
            .ToDictionary(r => r.ContentItemId);
        var typeNames = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName);
        string Display(string type) => typeNames.GetValueOrDefault(type) ?? type;
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var target))
            {
                result.Fail(member, $"“{label}”所选的内容（{id}）不存在或已删除。");
            }
            else if (allowedTypes is { Count: > 0 } && !allowedTypes.Contains(target.ContentType))
            {
                result.Fail(member, $"“{label}”只能选择 {string.Join("、", allowedTypes.Select(Display))} 类型的内容，《{target.DisplayText}》是 {Display(target.ContentType)}。");
            }
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

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-_]*$")]
    private static partial Regex SlugPattern();

    private sealed class ReferenceRow
    {
        public string ContentItemId { get; init; } = "";
        public string ContentType { get; init; } = "";
        public string DisplayText { get; init; } = "";
    }
}
