using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;

namespace CivicsClass.Editorial.Audit;

/// <summary>An item's audit trail as the editor and the review page list it: newest first, each step in words.</summary>
internal static class AuditRows
{
    public static IReadOnlyList<AuditRow> From(IEnumerable<AuditEntry> entries) =>
        entries.Reverse().Select(e => new AuditRow(SiteTime.Format(e.CreatedUtc), e.Action switch
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
}
