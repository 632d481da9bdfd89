using System.Globalization;
using System.Text.Json;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;
using CivicsClass.Theme.Models;
using CivicsClass.Accounts;
using CivicsClass.Editorial.Audit;
using CivicsClass.Editorial.Editing;
using CivicsClass.Editorial.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial.Review;

/// <summary>The editors' review queue: what changed against the published version, approve now or later, or return with a comment.</summary>
[RequirePermission(EditorialPermissions.PublishContent)]
internal sealed class ReviewController(IContentManager content, ContentDefinitionManager definitions, ContentForm form, ContentRows rows, Workflow workflow,
    ISession session, TimeProvider clock) : EditorialAdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Queue()
    {
        // An approved item waiting for its publishing time is listed as scheduled, with the time, not as waiting for review.
        var schedule = (await PublishSchedule.ListAsync(session)).ToDictionary(e => e.ContentItemId, e => e.DueUtc);
        var waiting = (await content.QueryAsync(new ContentQuery { Latest = true, Status = ContentStatus.InReview, OrderBy = ContentOrder.ModifiedDescending, Take = 200 }))
            .Items.Where(i => !schedule.ContainsKey(i.ContentItemId)).ToList();
        var scheduled = await content.GetManyAsync([.. schedule.Keys], VersionOptions.Latest);
        var scheduledRows = (await rows.ForAsync(scheduled))
            .OrderBy(r => schedule[r.Id]).Select(r => r with { StatusLabel = $"已审核，定时发布：{When(schedule[r.Id])}" }).ToList();
        return View(new ReviewQueueViewModel("审核队列", await rows.ForAsync(waiting), scheduledRows));
    }

    [HttpGet]
    public async Task<IActionResult> Review(string id) =>
        await content.GetAsync(id, VersionOptions.Latest) is { } item ? View(await ModelAsync(item, new FormErrors())) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Approve(string id, [FromForm] string? versionId, [FromForm] string? publishAt, [FromForm] string? comment)
    {
        if (await content.GetAsync(id, VersionOptions.Latest) is not { } item)
        {
            return NotFound();
        }

        var errors = new FormErrors();
        DateTime? at = null;
        if (string.IsNullOrEmpty(versionId))
        {
            errors.Add("", "请从审核页面审核通过：表单缺少所审核的版本。");
        }
        else if (!string.IsNullOrWhiteSpace(publishAt))
        {
            if (DateTime.TryParse(publishAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                at = SiteTime.ToUtc(local);
                if (at <= clock.GetUtcNow().UtcDateTime)
                {
                    errors.Add("publishAt", "定时发布的时间应在现在之后；立即发布请留空。");
                }
            }
            else
            {
                errors.Add("publishAt", $"“{publishAt}”不是有效的日期时间。");
            }
        }

        if (!errors.Any)
        {
            try
            {
                await workflow.ApproveAsync(id, versionId!, at, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
                await session.SaveChangesAsync();
                return LocalRedirect("/admin/review");
            }
            catch (Exception e) when (e is ReviewOutdatedException or ConcurrencyException)
            {
                // Shown with the latest version's changes, so the editor reviews what would really go live.
                var latest = await content.GetAsync(id, VersionOptions.Latest) ?? item;
                errors.Add("", latest.Status == ContentStatus.InReview
                    ? "你审核之后，这条内容又有了改动，没有发布。请审阅下面的最新改动后再决定。"
                    : "这条内容已不在待审核状态（可能已被发布、退回或重新编辑），没有发布。");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Review", await ModelAsync(latest, errors));
            }
            catch (ContentValidationException e)
            {
                foreach (var error in e.Errors)
                {
                    errors.Add("", error.Message);
                }
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Review", await ModelAsync(item, errors));
    }

    [HttpPost]
    public async Task<IActionResult> Return(string id, [FromForm] string? comment)
    {
        if (await content.GetAsync(id, VersionOptions.Latest) is not { } item)
        {
            return NotFound();
        }

        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(comment))
        {
            errors.Add("comment", "退回时请写明需要修改的地方，作者会看到这段话。");
        }
        else
        {
            try
            {
                await workflow.ReturnAsync(id, comment.Trim());
                await session.SaveChangesAsync();
                return LocalRedirect("/admin/review");
            }
            catch (ContentValidationException e)
            {
                errors.Add("", e.Errors[0].Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Review", await ModelAsync(item, errors));
    }

    private async Task<ReviewViewModel> ModelAsync(ContentItem item, FormErrors errors)
    {
        var published = await content.GetAsync(item.ContentItemId, VersionOptions.Published);
        var changes = new List<FieldChange>();
        if (await definitions.GetTypeAsync(item.ContentType) is { } definition)
        {
            var after = await form.BuildAsync(definition, item, canChooseOwner: false);
            var before = published is null || published.ContentItemVersionId == item.ContentItemVersionId
                ? null
                : (await form.BuildAsync(definition, published, canChooseOwner: false)).ToDictionary(f => f.Name);
            foreach (var field in after)
            {
                var now = Describe(field);
                var then = before is null ? null : before.TryGetValue(field.Name, out var old) ? Describe(old) : null;
                if ((before is not null && now == then) || (before is null && string.IsNullOrEmpty(now)))
                {
                    continue; // unchanged, or left empty in a new item
                }

                var multiline = field.Kind is "markdown" or "quiz" or "list" or "lines" || (now?.Contains('\n') ?? false);
                changes.Add(new FieldChange(field.Label, then, now, multiline ? TextDiff.Lines(then, now) : null));
            }
        }

        var row = (await rows.ForAsync([item]))[0];
        var defaultAt = SiteTime.ToLocal(clock.GetUtcNow().UtcDateTime.AddDays(1)).ToString("yyyy-MM-ddT08:00", CultureInfo.InvariantCulture);
        return new ReviewViewModel($"审核：{item.DisplayText}", row, published is not null, changes,
            AuditRows.From(await AuditTrail.ListAsync(session, item.ContentItemId)), errors, defaultAt, item.ContentItemVersionId);
    }

    /// <summary>A field as text, for comparing versions: option labels rather than ids, one quiz question per block.</summary>
    private static string? Describe(EditorField field)
    {
        var labels = field.Options?.ToDictionary(o => o.Value, o => o.Label) ?? [];
        return field.Kind switch
        {
            "picker" or "terms" => string.Join("、", (field.Values ?? []).Select(v => labels.GetValueOrDefault(v, v))),
            "list" => string.Join('\n', (field.List ?? []).Select(l => l.Label)),
            "quiz" => string.Join("\n\n", (field.Quiz ?? []).Select((q, i) => $"{i + 1}. {q.Question}\n{q.Options}\n答案：{q.Answer}{(q.Explanation is null ? "" : "\n解析：" + q.Explanation)}")),
            "geo" => field.Value is null ? null : $"{field.Value}, {field.Value2}",
            "boolean" => field.Value == "true" ? "是" : "否",
            _ => field.Value,
        };
    }
}
