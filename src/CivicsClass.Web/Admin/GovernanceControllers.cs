using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Security;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using CivicsClass.Theme.Models;
using CivicsClass.Web.Accounts;
using CivicsClass.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Web.Admin;

/// <summary>Editors keep the taxonomies: rename terms and add new ones under any parent; ids never change, so tagged content stays tagged.</summary>
[Route("admin/taxonomies")]
[RequirePermission(ContentPermissions.ManageTaxonomies)]
public sealed class TaxonomiesController(IContentManager content, TaxonomyService taxonomies, TermCache terms, ISession session) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var all = await content.QueryAsync(new ContentQuery { ContentType = TaxonomyService.ContentType, Latest = true, OrderBy = ContentOrder.TitleAscending, Take = 100 });
        return View(new TaxonomyListViewModel("分类", all.Items.Select(i => new TypeLink(i.Part<AliasPart>().Alias, i.DisplayText)).ToList()));
    }

    [HttpGet("{alias}")]
    public async Task<IActionResult> Edit(string alias) =>
        await taxonomies.GetTaxonomyAsync(alias, session) is { } taxonomy ? View(Model(taxonomy, new FormErrors(), (string?)TempData["Message"])) : NotFound();

    [HttpPost("{alias}")]
    public async Task<IActionResult> Save(string alias, [FromForm] string? newName, [FromForm] string? newParent)
    {
        if (await taxonomies.GetTaxonomyAsync(alias, session) is not { } taxonomy)
        {
            return NotFound();
        }

        var errors = new FormErrors();
        var part = taxonomy.Part<TaxonomyPart>();
        var flat = TaxonomyService.Flatten(part.Terms).ToList();
        foreach (var term in flat)
        {
            var name = ((string?)Request.Form["name." + term.Id])?.Trim();
            if (name is null)
            {
                continue;
            }

            if (name.Length is 0 or > 60)
            {
                errors.Add("name." + term.Id, "词条名称应为 1 到 60 个字。");
            }

            term.Name = name;
        }

        var added = newName?.Trim() ?? "";
        if (added.Length > 0)
        {
            var parent = string.IsNullOrEmpty(newParent) ? null : flat.FirstOrDefault(t => t.Id == newParent);
            if (added.Length > 60)
            {
                errors.Add("newName", "词条名称不能超过 60 个字。");
            }
            else if (!string.IsNullOrEmpty(newParent) && parent is null)
            {
                errors.Add("newName", "上级词条不存在。");
            }
            else
            {
                var id = TaxonomyService.TermId(alias, added);
                if (flat.Any(t => t.Id == id))
                {
                    errors.Add("newName", $"已经有同名或同编号的词条“{added}”。");
                }
                else
                {
                    (parent?.Children ?? part.Terms).Add(new TaxonomyTerm { Id = id, Name = added });
                }
            }
        }

        foreach (var duplicate in flat.GroupBy(t => t.Name).Where(g => g.Count() > 1))
        {
            errors.Add("", $"词条“{duplicate.Key}”重复了。");
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", Model(taxonomy, errors, null));
        }

        taxonomy.Apply(part);
        var saved = await content.UpdateAsync(taxonomy);
        await content.PublishAsync(saved);
        await session.SaveChangesAsync();
        taxonomies.Forget(alias);
        await terms.ClearAsync();
        TempData["Message"] = "分类已保存。";
        return LocalRedirect($"/admin/taxonomies/{alias}");
    }

    private static TaxonomyEditViewModel Model(ContentItem taxonomy, FormErrors errors, string? message)
    {
        var rows = new List<EditorOption>();
        void Walk(IEnumerable<TaxonomyTerm> list, int depth)
        {
            foreach (var term in list)
            {
                rows.Add(new EditorOption(term.Id, term.Name, depth));
                Walk(term.Children, depth + 1);
            }
        }

        Walk(taxonomy.Part<TaxonomyPart>().Terms, 0);
        return new TaxonomyEditViewModel($"分类：{taxonomy.DisplayText}", taxonomy.Part<AliasPart>().Alias, taxonomy.DisplayText, rows, errors, message);
    }
}

/// <summary>Administrators find people, give them roles, and unlock locked accounts.</summary>
[Route("admin/users")]
[RequirePermission(SitePermissions.ManageUsers)]
public sealed class UsersController(UserManager<User> users, RoleCatalog roles, ISession session, Accounts.Permissions permissions, TimeProvider clock,
    SignInThrottle throttle) : AdminControllerBase
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, int page = 1)
    {
        page = Math.Clamp(page, 1, 10_000);
        var where = new StringBuilder("1 = 1");
        if (!string.IsNullOrWhiteSpace(q))
        {
            where.Append(" AND (i.normalized_user_name LIKE @q OR i.display_name LIKE @q)");
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            where.Append(" AND EXISTS (SELECT 1 FROM user_role_index r WHERE r.document_id = i.document_id AND r.role = @role)");
        }

        var parameters = new { q = "%" + (q ?? "").Trim().ToUpperInvariant() + "%", role };
        var total = await session.CountAsync("user_index", where.ToString(), parameters);
        var found = await session.QueryAsync<User>("user_index", where.ToString(), parameters, orderBy: "i.created_utc DESC", skip: (page - 1) * PageSize, take: PageSize);
        return View(new UserListViewModel("用户", found.Select(Row).ToList(), await RoleLinksAsync(), q, role, total, page, PageCount(total, PageSize)));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id) =>
        await users.FindByIdAsync(id) is { } user ? View(new UserEditViewModel($"用户：{user.DisplayName}", Row(user), await RoleLinksAsync(), new FormErrors(), (string?)TempData["Message"])) : NotFound();

    [HttpPost("{id}")]
    public async Task<IActionResult> Save(string id, [FromForm] string[] roleNames, [FromForm] bool unlock)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var known = (await roles.ListAsync()).Select(r => r.Name).Where(r => r != RoleCatalog.Anonymous).ToHashSet(StringComparer.Ordinal);
        var chosen = roleNames.Where(known.Contains).Distinct().ToList();
        var errors = new FormErrors();
        if (user.UserId == permissions.UserId && user.Roles.Contains(RoleCatalog.Administrator) && !chosen.Contains(RoleCatalog.Administrator))
        {
            errors.Add("roles", "不能取消自己的管理员角色，以免没有人能管理网站。");
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new UserEditViewModel($"用户：{user.DisplayName}", Row(user), await RoleLinksAsync(), errors, null));
        }

        user.Roles = chosen;
        if (unlock)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await throttle.ClearAccountAsync(SignInThrottle.AccountKey(user.UserName));
        }

        await users.UpdateSecurityStampAsync(user); // signs the person out everywhere within a minute, so new roles apply at once
        TempData["Message"] = "已保存。";
        return LocalRedirect($"/admin/users/{id}");
    }

    private UserRow Row(User user) => new(user.UserId, user.UserName, user.DisplayName, user.Roles, When(user.CreatedUtc),
        user.LockoutEnd is { } end && end > clock.GetUtcNow());

    private async Task<IReadOnlyList<TypeLink>> RoleLinksAsync() =>
        (await roles.ListAsync()).Where(r => r.Name != RoleCatalog.Anonymous).Select(r => new TypeLink(r.Name, r.DisplayName)).ToList();
}

/// <summary>Administrators grant permissions to roles, from the permissions the modules declare.</summary>
[Route("admin/roles")]
[RequirePermission(SitePermissions.ManageRoles)]
public sealed class RolesController(RoleCatalog roles, ISession session) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync((string?)TempData["Message"]));

    /// <summary>A new role, without permissions until they are granted below (e.g. 工会干部 for union officials).</summary>
    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] string? name, [FromForm] string? displayName, [FromForm] string? description)
    {
        var existing = await session.GetAllAsync<Role>();
        string? problem = null;
        if (name is null || !System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z][A-Za-z0-9]{1,39}$"))
        {
            problem = "角色名应以英文字母开头，只含字母和数字，2 到 40 个字符，例如 UnionOfficial。";
        }
        else if (existing.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            problem = $"已经有名为 {name} 的角色。";
        }
        else if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 20)
        {
            problem = "请填写 1 到 20 个字的角色显示名称。";
        }

        if (problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(problem));
        }

        await session.SaveAsync(new Role { Name = name!, DisplayName = displayName!.Trim(), Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim() });
        session.OnCommitted(roles.ClearAsync);
        await session.SaveChangesAsync();
        TempData["Message"] = $"已添加角色“{displayName.Trim()}”，请在下面为它勾选权限。";
        return LocalRedirect("/admin/roles");
    }

    [HttpPost("{name}")]
    public async Task<IActionResult> Save(string name, [FromForm] string[] permissions)
    {
        var role = (await session.GetAllAsync<Role>()).FirstOrDefault(r => r.Name == name);
        if (role is null)
        {
            return NotFound();
        }

        var granted = permissions.Where(roles.Declared.ContainsKey).ToHashSet(StringComparer.Ordinal);
        if (role.Name == RoleCatalog.Administrator && !granted.Contains(SitePermissions.ManageRoles))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync("管理员角色必须保留“管理角色和权限”，否则没有人能再修改权限。"));
        }

        // Permissions no module declares (a module that was removed) are kept, so adding it back restores them.
        role.Permissions = role.Permissions.Where(p => !roles.Declared.ContainsKey(p)).Concat(granted).ToList();
        await session.SaveAsync(role);
        session.OnCommitted(roles.ClearAsync);
        await session.SaveChangesAsync();
        TempData["Message"] = $"已保存“{role.DisplayName}”的权限。";
        return LocalRedirect("/admin/roles");
    }

    private async Task<RolesViewModel> ModelAsync(string? message)
    {
        var rows = (await roles.ListAsync()).Select(r => new RoleRow(r.Name, r.DisplayName, r.Description,
            roles.Declared.Values.OrderBy(p => p.Group, StringComparer.Ordinal).Select(p => new PermissionChoice(p.Name, p.DisplayName, p.Group, r.Permissions.Contains(p.Name))).ToList(),
            r.Permissions.Where(p => !roles.Declared.ContainsKey(p)).ToList())).ToList();
        return new RolesViewModel("角色权限", rows, message);
    }
}

/// <summary>Administrators add fields to content types without code; the editor and the site pick them up from the definition.</summary>
[Route("admin/types")]
[RequirePermission(ContentPermissions.ManageContentTypes)]
public sealed partial class TypesController(ContentDefinitionManager definitions, TermCache terms, ISession session) : AdminControllerBase
{
    private static readonly (string Name, string Label)[] s_kinds =
    [
        ("TextField", "文本"), ("NumericField", "数字"), ("BooleanField", "是/否"), ("DateTimeField", "日期时间"),
        ("TaxonomyField", "分类词条"), ("ContentPickerField", "内容选择"), ("LinkField", "链接"),
    ];

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync(new FormErrors(), (string?)TempData["Message"]));

    [HttpPost("{type}/fields")]
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
        else if (definition.Fields.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) || KnownParts.All.Contains(name) || name == definition.Name)
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

    private async Task<TypesViewModel> ModelAsync(FormErrors errors, string? message, string? failedType = null)
    {
        var types = (await definitions.ListTypesAsync()).Where(t => t.Creatable).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TypeRow(t.Name, t.DisplayName, t.Parts.Select(p => p.Name).ToList(),
                t.Fields.Select(f => new TypeFieldRow(f.Name, f.DisplayName, s_kinds.FirstOrDefault(k => k.Name == f.Type).Label ?? f.Type, Settings(f.Settings))).ToList())).ToList();
        var taxonomies = (await terms.GetAsync()).Values.Select(t => new TypeLink(t.Alias, t.DisplayName)).ToList();
        if (failedType is not null)
        {
            ViewData["FailedType"] = failedType;
        }

        return new TypesViewModel("内容类型", types, s_kinds.Select(k => new TypeLink(k.Name, k.Label)).ToList(), taxonomies, errors, message);
    }

    private static string Settings(FieldSettings s) => string.Join("，", new[]
    {
        s.Required ? "必填" : null, s.Multiple ? "可多选" : null, s.MaxLength is { } m ? $"最多 {m} 字" : null,
        s.Taxonomy is { } t ? $"分类 {t}" : null, s.AllowedTypes is { Count: > 0 } a ? "可选 " + string.Join("、", a) : null,
    }.OfType<string>());

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex Identifier();
}

/// <summary>Recipes in and out: import a recipe file (all or nothing), export chosen types and their items as a recipe that imports elsewhere.</summary>
[Route("admin/recipes")]
[RequirePermission(ContentPermissions.ImportExport)]
public sealed class RecipesController(ContentDefinitionManager definitions, IContentManager content, RecipeExecutor recipes) : AdminControllerBase
{
    public const long MaxRecipeBytes = 20 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ModelAsync(new FormErrors(), (string?)TempData["Message"]));

    [HttpPost("import")]
    [RequestSizeLimit(MaxRecipeBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? recipe)
    {
        var errors = new FormErrors();
        if (recipe is null || recipe.Length == 0)
        {
            errors.Add("recipe", "请选择一个配方文件（JSON）。");
        }
        else if (recipe.Length > MaxRecipeBytes)
        {
            errors.Add("recipe", $"配方文件不能超过 {MaxRecipeBytes / 1024 / 1024} MB。");
        }
        else
        {
            using var reader = new StreamReader(recipe.OpenReadStream(), Encoding.UTF8);
            try
            {
                await recipes.ExecuteAsync(await reader.ReadToEndAsync(), Path.GetFileName(recipe.FileName));
                TempData["Message"] = $"配方“{Path.GetFileName(recipe.FileName)}”已导入。";
                return LocalRedirect("/admin/recipes");
            }
            catch (RecipeException e)
            {
                foreach (var error in e.Errors.Take(50))
                {
                    errors.Add("recipe", error.ToString());
                }
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ModelAsync(errors, "配方没有导入，网站内容没有任何改动。"));
    }

    [HttpPost("export")]
    public async Task<IActionResult> Export([FromForm] string[] types, [FromForm] bool includeItems)
    {
        var chosen = (await definitions.ListTypesAsync()).Where(t => types.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            var errors = new FormErrors();
            errors.Add("types", "请至少选择一种内容类型。");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(errors, null));
        }

        var steps = new JsonArray
        {
            new JsonObject { ["Name"] = "ContentDefinition", ["ContentTypes"] = JsonSerializer.SerializeToNode(chosen.Select(TypeNode).ToList(), DocumentJson.Options) },
        };
        if (includeItems)
        {
            var items = new JsonArray();
            foreach (var type in chosen)
            {
                for (var skip = 0; ; skip += 500)
                {
                    var page = await content.QueryAsync(new ContentQuery { ContentType = type.Name, Skip = skip, Take = 500, IncludeTotal = false, OrderBy = ContentOrder.CreatedDescending });
                    foreach (var item in page.Items)
                    {
                        items.Add(new JsonObject
                        {
                            ["ContentItemId"] = item.ContentItemId,
                            ["ContentType"] = item.ContentType,
                            ["Published"] = true,
                            ["Content"] = item.Content.DeepClone(),
                        });
                    }

                    if (page.Items.Count < 500)
                    {
                        break;
                    }
                }
            }

            steps.Add(new JsonObject { ["Name"] = "Content", ["Items"] = items });
        }

        var recipe = new JsonObject
        {
            ["Name"] = "export",
            ["DisplayName"] = "导出：" + string.Join("、", chosen.Select(t => t.DisplayName)),
            ["Steps"] = steps,
        };
        var bytes = Encoding.UTF8.GetBytes(recipe.ToJsonString(new JsonSerializerOptions(DocumentJson.Options) { WriteIndented = true }));
        return File(bytes, "application/json", $"civics-class-export-{DateTime.UtcNow:yyyyMMdd}.recipe.json");
    }

    private static object TypeNode(ContentTypeDefinition t) => new { t.Name, t.DisplayName, t.Description, t.Creatable, t.Parts, t.Fields };

    private async Task<RecipesViewModel> ModelAsync(FormErrors errors, string? message) =>
        new("导入导出", (await definitions.ListTypesAsync()).Where(t => t.Creatable).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TypeLink(t.Name, t.DisplayName)).ToList(), errors, message);
}
