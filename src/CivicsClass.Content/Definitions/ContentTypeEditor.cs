using System.Text.RegularExpressions;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Content.Definitions;

/// <summary>
/// The rules for changing content types in the admin: a new type with the parts an administrator
/// chooses, and fields removed or reordered. A field or part that content still uses is never taken
/// away; the refusal says how many items use it and names one.
/// </summary>
public sealed partial class ContentTypeEditor(ContentDefinitionManager definitions, ISession session, KnownParts knownParts)
{
    /// <summary>The parts an administrator may give a new type, with what each adds to the editor and the page.</summary>
    public IReadOnlyList<(string Name, string Label)> ChoosableParts =>
        knownParts.Ordered.Where(p => p.Choosable).Select(p => (p.Name, p.Label)).ToList();

    /// <summary>A part's name as the admin shows it.</summary>
    public string PartLabel(string part) => knownParts.Label(part).Split('（')[0];

    /// <summary>Creates a type; <paramref name="takenSegments"/> are the site's own first path segments (admin, api, …), which no address may start with.</summary>
    public async Task<TypeChange> CreateAsync(string? name, string? displayName, IReadOnlyCollection<string> parts, string? prefix,
        IReadOnlySet<string> takenSegments)
    {
        var change = new TypeChange();
        var types = await definitions.ListTypesAsync();
        name = name?.Trim() ?? "";
        prefix = prefix?.Trim().Trim('/').ToLowerInvariant() ?? "";
        if (!Identifier().IsMatch(name))
        {
            change.Fail("name", "类型名应以英文字母开头，只含字母和数字，不超过 40 个字符，例如 Reading。");
        }
        else if (types.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) || knownParts.Contains(name))
        {
            change.Fail("name", $"已经有名为 {name} 的内容类型或部件，请换一个名字。");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 40)
        {
            change.Fail("displayName", "请填写 1 到 40 个字的显示名称。");
        }

        if (parts.FirstOrDefault(p => ChoosableParts.All(c => c.Name != p)) is { } unknown)
        {
            change.Fail("parts", $"没有名为 {unknown} 的部件可选。");
        }

        var routed = parts.Contains(nameof(AutoroutePart));
        if (routed)
        {
            if (!Segment().IsMatch(prefix))
            {
                change.Fail("prefix", "网址前缀应以小写英文字母开头，只含小写字母、数字和连字符，2 到 40 个字符，例如 readings。");
            }
            else if (takenSegments.Contains(prefix))
            {
                change.Fail("prefix", $"/{prefix}/ 是网站自己的地址，请换一个前缀。");
            }
            else if (types.FirstOrDefault(t => string.Equals(t.Part(nameof(AutoroutePart))?.Settings.Prefix?.Trim('/'), prefix, StringComparison.OrdinalIgnoreCase)) is { } owner)
            {
                change.Fail("prefix", $"网址前缀 {prefix} 已被“{owner.DisplayName}”使用。");
            }
        }

        if (!change.Succeeded)
        {
            return change;
        }

        var definition = new ContentTypeDefinition
        {
            Name = name,
            DisplayName = displayName!.Trim(),
            Parts =
            [
                new ContentPartDefinition { Name = nameof(TitlePart), Settings = new PartSettings { Required = true, MaxLength = 200 } },
                .. ChoosableParts.Where(c => parts.Contains(c.Name)).Select(c => new ContentPartDefinition
                {
                    Name = c.Name,
                    Settings = c.Name == nameof(AutoroutePart) ? new PartSettings { Prefix = prefix } : new PartSettings(),
                }),
            ],
        };
        await definitions.SaveTypeAsync(definition);
        change.Message = $"已创建内容类型“{definition.DisplayName}”。" + (routed ? $"发布后的内容在 /{prefix}/… 有自己的页面，也能被搜索到。" : "");
        return change;
    }

    /// <summary>Removes a field, unless an item's draft or published version has a value in it.</summary>
    public async Task<TypeChange> RemoveFieldAsync(string typeName, string fieldName)
    {
        var change = new TypeChange();
        if (await definitions.GetTypeAsync(typeName) is not { } type || type.Fields.FirstOrDefault(f => f.Name == fieldName) is not { } field)
        {
            return change.Missing();
        }

        var (count, example) = await FieldUseAsync(type.Name, field.Name);
        if (count > 0)
        {
            return change.Fail("field", $"不能删除字段“{field.DisplayName}”：有 {count} 条内容在用它（例如《{example}》）。请先在这些内容里清空这个字段。");
        }

        type.Fields.Remove(field);
        await definitions.SaveTypeAsync(type);
        change.Message = $"已删除“{type.DisplayName}”的字段“{field.DisplayName}”。";
        return change;
    }

    /// <summary>Moves a field one place up or down: the order the editor and the page show fields in.</summary>
    public async Task<TypeChange> MoveFieldAsync(string typeName, string fieldName, bool up)
    {
        var change = new TypeChange();
        if (await definitions.GetTypeAsync(typeName) is not { } type || type.Fields.FindIndex(f => f.Name == fieldName) is var at && at < 0)
        {
            return change.Missing();
        }

        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= type.Fields.Count)
        {
            return change.Fail("field", up ? "这个字段已经在最前面。" : "这个字段已经在最后面。");
        }

        (type.Fields[at], type.Fields[to]) = (type.Fields[to], type.Fields[at]);
        await definitions.SaveTypeAsync(type);
        change.Message = $"已调整“{type.DisplayName}”的字段顺序。";
        return change;
    }

    /// <summary>
    /// Sets what a type is for: who creates it, whether it is studied for points, and whether workers
    /// check in at it. Check-ins around an item's hours need the <c>StartsAt</c> date field they are timed by.
    /// </summary>
    public async Task<TypeChange> SetBehaviourAsync(string typeName, string? authoring, bool studied, string? checkIn)
    {
        var change = new TypeChange();
        if (await definitions.GetTypeAsync(typeName) is not { } type)
        {
            return change.Missing();
        }

        if (!Enum.TryParse<TypeAuthoring>(authoring, out var who) || !Enum.IsDefined(who) || int.TryParse(authoring, out _))
        {
            change.Fail("authoring", "请选择谁来创建这类内容。");
        }

        if (!Enum.TryParse<CheckInKind>(checkIn, out var kind) || !Enum.IsDefined(kind) || int.TryParse(checkIn, out _))
        {
            change.Fail("checkIn", "请选择是否扫码签到。");
        }
        else if (kind == CheckInKind.AroundStart && !type.Fields.Any(f => f.Name == "StartsAt" && f.Type == nameof(Fields.DateTimeField)))
        {
            change.Fail("checkIn", $"“{type.DisplayName}”没有名为 StartsAt 的日期时间字段，不能按活动时间签到；请先添加这个字段，或选择随时签到。");
        }

        if (!change.Succeeded)
        {
            return change;
        }

        (type.Authoring, type.Studied, type.CheckIn) = (who, studied, kind);
        await definitions.SaveTypeAsync(type);
        change.Message = $"已更新“{type.DisplayName}”的用途。";
        return change;
    }

    /// <summary>How many items (draft or published versions) have a value in the field, and one of their titles.</summary>
    public async Task<(long Count, string? Example)> FieldUseAsync(string typeName, string fieldName)
    {
        // Every kind of field value is indexed in one of three tables: scalars, taxonomy terms, references.
        const string sql = """
            SELECT u.content_item_id AS Id, MIN(i.display_text) AS Title FROM (
                SELECT f.document_id, f.content_item_id FROM content_field_index f WHERE f.content_type = @type AND f.field = @field
                UNION SELECT t.document_id, t.content_item_id FROM content_term_index t WHERE t.field = @field
                UNION SELECT r.document_id, r.content_item_id FROM content_reference_index r WHERE r.field = @field
            ) u
            JOIN content_item_index i ON i.document_id = u.document_id
            WHERE i.content_type = @type AND (i.latest = TRUE OR i.published = TRUE)
            GROUP BY u.content_item_id
            """;
        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = (await connection.QueryAsync<(string Id, string Title)>(sql, new { type = typeName, field = fieldName }, transaction)).ToList();
        return (rows.Count, rows.Select(r => r.Title).Order(StringComparer.Ordinal).FirstOrDefault());
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex Segment();
}
