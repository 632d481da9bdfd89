using System.Text;
using CivicsClass.Accounts.SignIn;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Accounts.Admin;

/// <summary>Administrators find people, give them roles, and unlock locked accounts.</summary>
[RequirePermission(SitePermissions.ManageUsers)]
public sealed class UsersController(UserManager<User> users, RoleCatalog roles, ISession session, CurrentPermissions permissions, TimeProvider clock,
    SignInThrottle throttle) : AccountsAdminControllerBase
{
    public const int PageSize = 50;

    [HttpGet]
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

    [HttpGet]
    public async Task<IActionResult> Edit(string id) =>
        await users.FindByIdAsync(id) is { } user ? View(new UserEditViewModel($"用户：{user.DisplayName}", Row(user), await RoleLinksAsync(), new FormErrors(), (string?)TempData["Message"])) : NotFound();

    [HttpPost]
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
