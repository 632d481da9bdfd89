using System.Text.RegularExpressions;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Security;
using CivicsClass.Theme.Models;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial.Types;

/// <summary>
/// Administrators create content types and add, remove and reorder their fields without code; the
/// editor, the public pages, search and the API pick them up from the definition.
/// </summary>
[RequirePermission(EditorialPermissions.ManageContentTypes)]
internal sealed partial class TypesController(ContentDefinitionManager definitions, ContentTypeEditor editor, KnownParts knownParts, TermCache terms, ISession session) : EditorialAdminControllerBase
{
    private static readonly (string Name, string Label)[] s_kinds =
    [
        ("TextField", "文本"), ("NumericField", "数字"), ("BooleanField", "是/否"), ("DateTimeField", "日期时间"),
        ("TaxonomyField", "分类词条"), ("ContentPickerField", "内容选择"), ("LinkField", "链接"),
    ];

    [HttpGet]
    public async Task<IActionResult> Index() => View(await ModelAsync(new FormErrors(), (string?)TempData["Message"]));

    [HttpPost]
    public async Task<IActionResult> Create([FromForm] string? name, [FromForm] string? displayName, [FromForm] string[] parts, [FromForm] string? prefix,
        [FromServices] EndpointDataSource routes)
    {
        var change = await editor.CreateAsync(name, displayName, parts, prefix, SiteSegments(routes));
        return await AfterAsync(change, "new");
    }

    [HttpPost]
    public async Task<IActionResult> RemoveField(string type, string field) => await AfterAsync(await editor.RemoveFieldAsync(type, field), type);

    [HttpPost]
    public async Task<IActionResult> MoveField(string type, string field, [FromForm] string? direction) =>
        await AfterAsync(await editor.MoveFieldAsync(type, field, direction != "down"), type);

    [HttpPost]
    public async Task<IActionResult> SetBehaviour(string type, [FromForm] string? authoring, [FromForm] bool studied, [FromForm] string? checkIn) =>
        await AfterAsync(await editor.SetBehaviourAsync(type, authoring, studied, checkIn), type);

    [HttpPost]
    public async Task<IActionResult> AddField(string type, [FromForm] string? name, [FromForm] string? displayName, [FromForm] string? kind,
        [FromForm] bool required, [FromForm] bool multiple, [FromForm] string? taxonomy, [FromForm] string[] allowedTypes, [FromForm] int? maxLength)
    {
        if (await definitions.GetTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }

        var errors = new FormErrors();
        name = name?.Trim() ?? "";
        if (!Identifier().IsMatch(name))
        {
            errors.Add("name", "字段名应以英文字母开头，只含字母和数字，不超过 40 个字符，例如 Honours。");
        }
        else if (definition.Fields.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) || knownParts.Contains(name) || name == definition.Name)
        {
            errors.Add("name", $"“{definition.DisplayName}”已经有名为 {name} 的字段。");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 40)
        {
            errors.Add("displayName", "请填写 1 到 40 个字的显示名称。");
        }

        if (!s_kinds.Any(k => k.Name == kind))
        {
            errors.Add("kind", "请选择字段类型。");
        }

        var allTerms = await terms.GetAsync();
        if (kind == "TaxonomyField" && (taxonomy is null || !allTerms.ContainsKey(taxonomy)))
        {
            errors.Add("taxonomy", "分类词条字段需要选择一个分类。");
        }

        var types = (await definitions.ListTypesAsync()).Where(t => t.Creatable).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        if (kind == "ContentPickerField" && (allowedTypes.Length == 0 || !allowedTypes.All(types.Contains)))
        {
            errors.Add("allowedTypes", "内容选择字段需要选择可选的内容类型。");
        }

        if (maxLength is < 1 or > 10_000)
        {
            errors.Add("maxLength", "最大长度应在 1 到 10000 之间。");
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(errors, null, type));
        }

        definition.Fields.Add(new ContentFieldDefinition
        {
            Name = name,
            DisplayName = displayName!.Trim(),
            Type = kind!,
            Settings = new FieldSettings
            {
                Required = required,
                Multiple = multiple,
                MaxLength = kind == "TextField" ? maxLength : null,
                Taxonomy = kind == "TaxonomyField" ? taxonomy : null,
                AllowedTypes = kind == "ContentPickerField" ? allowedTypes.ToList() : null,
            },
        });
        await definitions.SaveTypeAsync(definition);
        await session.SaveChangesAsync();
        TempData["Message"] = $"已为“{definition.DisplayName}”添加字段“{displayName.Trim()}”。";
        return LocalRedirect("/admin/types");
    }

    private async Task<IActionResult> AfterAsync(TypeChange change, string failedType)
    {
        if (change.NotFound)
        {
            return NotFound();
        }

        if (!change.Succeeded)
        {
            var errors = new FormErrors();
            foreach (var (field, message) in change.Errors)
            {
                errors.Add(field, message);
            }

            Response.StatusCode = change.Errors.Any(e => e.Field == "field") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(errors, null, failedType));
        }

        await session.SaveChangesAsync();
        TempData["Message"] = change.Message;
        return LocalRedirect("/admin/types");
    }

    /// <summary>The first segments of the site's own addresses (admin, api, lessons, …): no new type's address may start with one.</summary>
    private static HashSet<string> SiteSegments(EndpointDataSource endpoints) => endpoints.Endpoints.OfType<RouteEndpoint>()
        .Select(e => e.RoutePattern.PathSegments.FirstOrDefault())
        .Where(s => s is { IsSimple: true } && s.Parts[0].IsLiteral)
        .Select(s => ((Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart)s!.Parts[0]).Content.ToLowerInvariant())
        .ToHashSet(StringComparer.Ordinal);

    private async Task<TypesViewModel> ModelAsync(FormErrors errors, string? message, string? failedType = null)
    {
        var types = (await definitions.ListTypesAsync()).Where(t => t.Creatable).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TypeRow(t.Name, t.DisplayName, t.Parts.Select(p => editor.PartLabel(p.Name)).ToList(),
                t.Fields.Select(f => new TypeFieldRow(f.Name, f.DisplayName, s_kinds.FirstOrDefault(k => k.Name == f.Type).Label ?? f.Type, Settings(f.Settings))).ToList(),
                t.Authoring.ToString(), t.Studied, t.CheckIn.ToString())).ToList();
        var taxonomies = (await terms.GetAsync()).Values.Select(t => new TypeLink(t.Alias, t.DisplayName)).ToList();
        if (failedType is not null)
        {
            ViewData["FailedType"] = failedType;
        }

        return new TypesViewModel("内容类型", types, s_kinds.Select(k => new TypeLink(k.Name, k.Label)).ToList(), taxonomies, errors, message,
            editor.ChoosableParts.Select(p => new TypeLink(p.Name, p.Label)).ToList());
    }

    private static string Settings(FieldSettings s) => string.Join("，", new[]
    {
        s.Required ? "必填" : null, s.Multiple ? "可多选" : null, s.MaxLength is { } m ? $"最多 {m} 字" : null,
        s.Taxonomy is { } t ? $"分类 {t}" : null, s.AllowedTypes is { Count: > 0 } a ? "可选 " + string.Join("、", a) : null,
    }.OfType<string>());

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex Identifier();
}
