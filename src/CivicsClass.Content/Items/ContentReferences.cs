using CivicsClass.Content.Definitions;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Content.Items;

/// <summary>Checks that picked items exist and are of the types allowed, for content pickers and lists alike.</summary>
internal sealed class ContentReferences(ContentDefinitionManager definitions)
{
    public async Task ValidateAsync(IReadOnlyList<string> ids, IReadOnlyList<string>? allowedTypes, string member, string label,
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

    private sealed class ReferenceRow
    {
        public string ContentItemId { get; init; } = "";
        public string ContentType { get; init; } = "";
        public string DisplayText { get; init; } = "";
    }
}
