using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Editorial.Editing;
using CivicsClass.Editorial.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial.History;

/// <summary>An item's earlier versions, each of which those who may edit the item can restore as a new draft.</summary>
internal sealed class ContentHistoryController(Workflow workflow, ISession session) : EditorialAdminControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Restore(string id, [FromForm] string? versionId)
    {
        try
        {
            var restored = await workflow.RestoreAsync(id, versionId ?? "");
            await session.SaveChangesAsync();
            TempData["Message"] = $"已把旧版本恢复为新的草稿（第 {restored.Number} 版）；线上内容不变，发布后才替换。";
        }
        catch (WorkflowForbiddenException)
        {
            return Forbid();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (InvalidOperationException e)
        {
            TempData["Message"] = e.Message;
        }
        catch (ContentValidationException e)
        {
            // The old content may no longer be valid (its address taken since, a field now required).
            TempData["Message"] = "旧版本不能直接恢复：" + string.Join("；", e.Errors.Select(error => error.Message));
        }

        return LocalRedirect($"/admin/content/edit/{id}");
    }

    /// <summary>Every version of <paramref name="item"/>, newest first.</summary>
    internal static async Task<IReadOnlyList<VersionRow>> VersionsAsync(IContentManager content, ContentItem item) =>
        (await content.GetVersionsAsync(item.ContentItemId)).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.ContentItemVersionId, v.Number, When(v.ModifiedUtc), v.DisplayText, State(v)))
            .ToList();

    private static string State(ContentItem version) => version switch
    {
        { Latest: true, Published: true } => "当前版本，已发布",
        { Latest: true } => "当前版本，" + ContentRows.Status(version),
        { Published: true } => "线上版本",
        { Status: ContentStatus.Published } => "曾发布",
        _ => ContentRows.Status(version),
    };
}
