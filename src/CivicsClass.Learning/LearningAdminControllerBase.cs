using System.Globalization;
using CivicsClass.Content.Security;
using CivicsClass.Learning.Study;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Learning;

/// <summary>
/// Learning's screens in the admin area, under the admin's own rules: signed-in people who may at least
/// edit their own content, each action checking its own permission on top; every post checks antiforgery.
/// </summary>
[Area("Admin")]
[RequirePermission(ContentPermissions.EditOwnContent)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public abstract class LearningAdminControllerBase : Controller
{
    /// <summary>A moment as the admin shows it, in China time.</summary>
    protected static string When(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(StudyCalendar.Offset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}
