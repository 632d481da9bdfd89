using CivicsClass.Accounts.Admin;
using CivicsClass.Accounts.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CivicsClass.Accounts;

/// <summary>
/// Every address of the account pages and the admin's people screens, in one table. The controllers carry no
/// route of their own, so these are all their addresses; each action's GET or POST says which requests it takes.
/// </summary>
internal static class AccountsRoutes
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder endpoints)
    {
        const string account = "Account";
        Page(endpoints, "account/login", account, nameof(AccountController.Login));
        Page(endpoints, "account/register", account, nameof(AccountController.Register));
        Page(endpoints, "account/logout", account, nameof(AccountController.Logout));
        Page(endpoints, "account/password", account, nameof(AccountController.Password));
        Page(endpoints, "account/profile", account, nameof(AccountController.Profile));
        Page(endpoints, "account/denied", account, nameof(AccountController.Denied));
        return endpoints;
    }

    public static IEndpointRouteBuilder MapAccountsAdmin(this IEndpointRouteBuilder endpoints)
    {
        const string users = "Users", roles = "Roles";
        Admin(endpoints, "admin/users", users, nameof(UsersController.Index));
        Admin(endpoints, "admin/users/{id}", users, nameof(UsersController.Edit));
        Admin(endpoints, "admin/users/{id}", users, nameof(UsersController.Save));
        Admin(endpoints, "admin/roles", roles, nameof(RolesController.Index));
        Admin(endpoints, "admin/roles", roles, nameof(RolesController.Create));
        Admin(endpoints, "admin/roles/{name}", roles, nameof(RolesController.Save));
        return endpoints;
    }

    private static void Page(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapControllerRoute($"accounts:{controller}.{action}", pattern, new { controller, action });

    private static void Admin(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapAreaControllerRoute($"accounts-admin:{controller}.{action}", "Admin", pattern, new { controller, action });
}
