using CivicsClass.Content.Items;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial;

/// <summary>
/// The editorial pages in the admin area: signed-in people who may at least edit their own content. Each action
/// checks its own permission on top; forms carry antiforgery tokens, checked on every post. The addresses are
/// <see cref="EditorialRoutes"/>'.
/// </summary>
[Area("Admin")]
[RequirePermission(ContentPermissions.EditOwnContent)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
internal abstract class EditorialAdminControllerBase : Controller
{
    /// <summary>A moment as the admin shows it, in China time.</summary>
    protected static string When(DateTime utc) => SiteTime.Format(utc);

    protected static int PageCount(int total, int size) => Math.Max(1, (total + size - 1) / size);
}
