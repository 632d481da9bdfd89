using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Security;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial;

/// <summary>
/// The admin area: signed-in people who may at least edit their own content. Each action checks its
/// own permission on top; forms carry antiforgery tokens, checked on every post.
/// </summary>
[Area("Admin")]
[RequirePermission(ContentPermissions.EditOwnContent)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public abstract class AdminControllerBase : Controller
{
    protected static string When(DateTime utc) => SiteTime.Format(utc);

    protected static IReadOnlyList<AuditRow> History(IEnumerable<AuditEntry> entries) =>
        entries.Reverse().Select(e => new AuditRow(When(e.CreatedUtc), e.Action switch
        {
            AuditTrail.Created => "创建",
            AuditTrail.Saved => "保存",
            AuditTrail.Submitted => "提交审核",
            AuditTrail.Returned => "退回修改",
            AuditTrail.Approved => "审核通过并发布",
            AuditTrail.Scheduled => "审核通过，定时发布",
            AuditTrail.Published => "发布",
            AuditTrail.Unpublished => "撤下",
            AuditTrail.Removed => "删除",
            AuditTrail.Restored => "恢复旧版本为草稿",
            _ => e.Action,
        }, e.UserName ?? "", e.Comment)).ToList();

    protected static int PageCount(int total, int size) => Math.Max(1, (total + size - 1) / size);

    protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
