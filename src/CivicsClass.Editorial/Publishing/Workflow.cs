using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Security;
using CivicsClass.Accounts;
using CivicsClass.Editorial.Audit;

namespace CivicsClass.Editorial.Publishing;

/// <summary>
/// Every editorial transition — save, submit, return, approve (now or later), unpublish, remove — with
/// its permission checked on the server, recorded in the audit trail and, where the author should
/// know, told to them, all in the caller's unit of work.
/// </summary>
internal sealed class Workflow(IContentManager content, ContentDefinitionManager definitions, CurrentPermissions permissions, ISession session, TimeProvider clock)
{
    /// <summary>The type's authoring setting says who creates it: authors (lecturers' lessons), curators (topics), or editors.</summary>
    public async Task<bool> CanCreateAsync(string contentType) => await permissions.HasAsync(ContentPermissions.EditContent)
        || (await definitions.GetTypeAsync(contentType))?.Authoring switch
        {
            TypeAuthoring.Authors => await permissions.HasAsync(ContentPermissions.EditOwnContent),
            TypeAuthoring.Curators => await permissions.HasAsync(ContentPermissions.ManageTopics),
            _ => false,
        };

    /// <summary>Curators edit every item of a curated type; otherwise editors edit anything and authors what they own.</summary>
    public async Task<bool> CanEditAsync(ContentItem item) =>
        await permissions.CanEditAsync(item.Owner) || (await CuratesAsync(item.ContentType));

    /// <summary>Whether the person sees and edits every item of the type as a curator, whoever owns it.</summary>
    public async Task<bool> CuratesAsync(string contentType) =>
        (await definitions.GetTypeAsync(contentType))?.Authoring == TypeAuthoring.Curators && await permissions.HasAsync(ContentPermissions.ManageTopics);

    public Task<bool> CanPublishAsync() => permissions.HasAsync(EditorialPermissions.PublishContent);

    /// <summary>
    /// Removing takes a published item off the site, so it needs the right to unpublish; an item never
    /// published may be removed by an editor, and by its author only while it is their draft.
    /// </summary>
    public async Task<bool> CanRemoveAsync(ContentItem latest)
    {
        if (latest.Published || await content.GetAsync(latest.ContentItemId, VersionOptions.Published) is not null)
        {
            return await CanPublishAsync();
        }

        return await permissions.HasAsync(ContentPermissions.EditContent) || (latest.Status == ContentStatus.Draft && await CanEditAsync(latest));
    }

    public async Task<bool> CanSubmitAsync(ContentItem item) => await permissions.HasAsync(EditorialPermissions.SubmitForReview) && await CanEditAsync(item);

    /// <summary>Saves a new item or a new version of an existing one; publishes it too when asked and allowed.</summary>
    public async Task<ContentItem> SaveAsync(ContentItem item, bool isNew, bool publish)
    {
        if (isNew ? !await CanCreateAsync(item.ContentType) : !await CanEditAsync(item))
        {
            throw new WorkflowForbiddenException("不能编辑这条内容。");
        }

        if (publish && !await CanPublishAsync())
        {
            throw new WorkflowForbiddenException("没有发布权限。");
        }

        var saved = isNew ? await content.CreateAsync(item, publish, permissions.UserId) : await content.UpdateAsync(item, permissions.UserId);
        await RecordAsync(saved, isNew ? AuditTrail.Created : AuditTrail.Saved, null);
        if (publish && !isNew)
        {
            await content.PublishAsync(saved, permissions.UserId);
        }

        if (publish)
        {
            await RecordAsync(saved, AuditTrail.Published, null);
        }

        return saved;
    }

    /// <summary>
    /// Makes an earlier version's content the item's new draft: history is never rewritten, and what is
    /// published stays on the site until the draft is published in its turn.
    /// </summary>
    public async Task<ContentItem> RestoreAsync(string contentItemId, string versionId)
    {
        var latest = await LatestAsync(contentItemId);
        if (!await CanEditAsync(latest))
        {
            throw new WorkflowForbiddenException("不能编辑这条内容。");
        }

        var source = (await content.GetVersionsAsync(contentItemId)).FirstOrDefault(v => v.ContentItemVersionId == versionId)
            ?? throw new KeyNotFoundException(versionId);
        if (source.ContentItemVersionId == latest.ContentItemVersionId)
        {
            throw new InvalidOperationException("这已是当前版本，无需恢复。");
        }

        latest.Content = (System.Text.Json.Nodes.JsonObject)source.Content.DeepClone();
        latest.Status = ContentStatus.Draft;
        var restored = await content.UpdateAsync(latest, permissions.UserId);
        await RecordAsync(restored, AuditTrail.Restored, $"恢复自第 {source.Number} 版（{SiteTime.Format(source.ModifiedUtc)}）");
        return restored;
    }

    public async Task SubmitAsync(string contentItemId)
    {
        var item = await LatestAsync(contentItemId);
        if (!await CanSubmitAsync(item))
        {
            throw new WorkflowForbiddenException("不能提交这条内容。");
        }

        await content.SubmitForReviewAsync(contentItemId, permissions.UserId);
        await RecordAsync(item, AuditTrail.Submitted, null);
    }

    public async Task ReturnAsync(string contentItemId, string comment)
    {
        await RequirePublishAsync();
        var item = await LatestAsync(contentItemId);
        await content.ReturnToDraftAsync(contentItemId, permissions.UserId);
        await RecordAsync(item, AuditTrail.Returned, comment);
        await NotifyAuthorAsync(item, $"《{item.DisplayText}》被退回修改：{comment}");
    }

    /// <summary>
    /// Publishes the version the editor reviewed now, or records it to be published at <paramref name="publishAtUtc"/>;
    /// only while it is still the latest version and in review, so an edit made after the review is never published unseen.
    /// </summary>
    public async Task ApproveAsync(string contentItemId, string reviewedVersionId, DateTime? publishAtUtc, string? comment)
    {
        await RequirePublishAsync();
        var item = await LatestAsync(contentItemId);
        if (item.ContentItemVersionId != reviewedVersionId || item.Status != ContentStatus.InReview)
        {
            throw new ReviewOutdatedException();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (publishAtUtc is { } at && at > now)
        {
            var check = await content.ValidateAsync(item);
            if (!check.Succeeded)
            {
                throw new ContentValidationException(check.Errors);
            }

            await PublishSchedule.AddAsync(session, item, at, permissions.UserId);
            await RecordAsync(item, AuditTrail.Scheduled, AppendTime(comment, at));
            await NotifyAuthorAsync(item, $"《{item.DisplayText}》已通过审核，将于 {SiteTime.Format(at)} 发布。");
            return;
        }

        await content.PublishAsync(item, permissions.UserId);
        await RecordAsync(item, AuditTrail.Approved, comment);
        await NotifyAuthorAsync(item, $"《{item.DisplayText}》已通过审核并发布。");
    }

    public async Task UnpublishAsync(string contentItemId)
    {
        await RequirePublishAsync();
        var item = await LatestAsync(contentItemId);
        await content.UnpublishAsync(contentItemId, permissions.UserId);
        await PublishSchedule.CancelAsync(session, contentItemId);
        await RecordAsync(item, AuditTrail.Unpublished, null);
    }

    public async Task RemoveAsync(string contentItemId)
    {
        var item = await LatestAsync(contentItemId);
        if (!await CanRemoveAsync(item))
        {
            throw new WorkflowForbiddenException("不能删除这条内容。");
        }

        await content.RemoveAsync(contentItemId, permissions.UserId);
        await PublishSchedule.CancelAsync(session, contentItemId);
        await RecordAsync(item, AuditTrail.Removed, null);
    }

    private async Task<ContentItem> LatestAsync(string contentItemId) =>
        await content.GetAsync(contentItemId, VersionOptions.Latest) ?? throw new KeyNotFoundException(contentItemId);

    private async Task RequirePublishAsync()
    {
        if (!await CanPublishAsync())
        {
            throw new WorkflowForbiddenException("没有审核发布权限。");
        }
    }

    private Task RecordAsync(ContentItem item, string action, string? comment) => AuditTrail.RecordAsync(session, new AuditEntry
    {
        ContentItemId = item.ContentItemId,
        ContentItemVersionId = item.ContentItemVersionId,
        Action = action,
        UserId = permissions.UserId,
        UserName = permissions.User.DisplayName(),
        Comment = comment,
        CreatedUtc = clock.GetUtcNow().UtcDateTime,
    });

    private Task NotifyAuthorAsync(ContentItem item, string message) =>
        Notifications.TellAuthorsAsync(session, item, message, clock.GetUtcNow().UtcDateTime, permissions.UserId);

    private static string AppendTime(string? comment, DateTime at) =>
        string.IsNullOrWhiteSpace(comment) ? $"定时发布：{SiteTime.Format(at)}" : $"{comment}（定时发布：{SiteTime.Format(at)}）";
}
