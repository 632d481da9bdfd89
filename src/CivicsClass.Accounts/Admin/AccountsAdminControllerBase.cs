using CivicsClass.Content.Items;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Accounts.Admin;

/// <summary>The admin's people pages: each action checks its own permission, and every post its antiforgery token.</summary>
[Area("Admin")]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public abstract class AccountsAdminControllerBase : Controller
{
    protected static string When(DateTime utc) => SiteTime.Format(utc);

    protected static int PageCount(int total, int size) => Math.Max(1, (total + size - 1) / size);
}
