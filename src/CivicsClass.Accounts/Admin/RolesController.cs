using System.Text.RegularExpressions;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Accounts.Admin;

/// <summary>Administrators grant permissions to roles, from the permissions the modules declare.</summary>
[RequirePermission(SitePermissions.ManageRoles)]
public sealed class RolesController(RoleCatalog roles, ISession session) : AccountsAdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index() => View(await ModelAsync((string?)TempData["Message"]));

    /// <summary>A new role, without permissions until they are granted below (e.g. 工会干部 for union officials).</summary>
    [HttpPost]
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

    [HttpPost]
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
