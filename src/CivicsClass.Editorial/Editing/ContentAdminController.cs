using CivicsClass.Content.Taxonomies;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Markdown;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;
using CivicsClass.Theme.Models;
using CivicsClass.Accounts;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Panoramas;
using CivicsClass.Media.Uploads;
using CivicsClass.Editorial.Audit;
using CivicsClass.Editorial.History;
using CivicsClass.Editorial.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial.Editing;

/// <summary>Content lists per type and the generated editor with its workflow buttons.</summary>
internal sealed class ContentAdminController(
    IContentManager content,
    ContentDefinitionManager definitions,
    ContentForm form,
    ContentRows rows,
    Workflow workflow,
    Accounts.CurrentPermissions permissions,
    UserManager<User> users,
    MediaUploads uploads,
    PanoramaEditor panoramas,
    MarkdownRenderer renderer,
    TermCache terms,
    ISession session) : EditorialAdminControllerBase
{
    public const int PageSize = 20;

    [HttpGet]
    public async Task<IActionResult> List(string type, string? status, string? owner, string? term, string? q, int page = 1)
    {
        if (await TypeAsync(type) is not { } definition)
        {
            return NotFound();
        }

        var everything = await permissions.HasAsync(ContentPermissions.EditContent) || await workflow.CuratesAsync(definition.Name);
        string? ownerId = everything ? null : permissions.UserId;
        if (everything && !string.IsNullOrWhiteSpace(owner))
        {
            ownerId = (await AccountName.FindAsync(users, owner))?.UserId ?? "-";
        }

        page = Math.Clamp(page, 1, 10_000);
        var parsed = Enum.TryParse<ContentStatus>(status, out var s) ? s : (ContentStatus?)null;
        var result = await content.QueryAsync(new ContentQuery
        {
            ContentType = definition.Name,
            Latest = true,
            Status = parsed,
            Owner = ownerId,
            TermIds = string.IsNullOrEmpty(term) ? [] : [term],
            TitleContains = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            OrderBy = ContentOrder.ModifiedDescending,
            Skip = (page - 1) * PageSize,
            Take = PageSize,
        });
        var termChoices = new List<TermChoice>();
        var all = await terms.GetAsync();
        foreach (var field in definition.Fields.Where(f => f.Type == "TaxonomyField" && f.Settings.Taxonomy is not null))
        {
            if (all.GetValueOrDefault(field.Settings.Taxonomy!) is { } taxonomy)
            {
                termChoices.AddRange(taxonomy.Indented().Select(t => new TermChoice(t.Term.Id, $"{field.DisplayName}：{t.Term.Name}", t.Depth)));
            }
        }

        return View(new ContentListViewModel(definition.DisplayName, definition.Name, definition.DisplayName, await rows.ForAsync(result.Items), result.Total,
            page, PageCount(result.Total, PageSize), status, owner, term, q, termChoices, await workflow.CanCreateAsync(definition.Name), !everything));
    }

    [HttpGet]
    public async Task<IActionResult> New(string type)
    {
        if (await TypeAsync(type) is not { } definition)
        {
            return NotFound();
        }

        if (!await workflow.CanCreateAsync(definition.Name))
        {
            return Forbid();
        }

        var item = await content.NewAsync(definition.Name);
        await form.PrefillLecturerAsync(definition, item);
        return View("Edit", await EditorAsync(definition, item, isNew: true, new FormErrors(), message: null));
    }

    [HttpPost]
    [MediaUploadLimit]
    public async Task<IActionResult> Create(string type, [FromForm] string? command)
    {
        if (await TypeAsync(type) is not { } definition)
        {
            return NotFound();
        }

        if (!await workflow.CanCreateAsync(definition.Name))
        {
            return Forbid();
        }

        var item = await content.NewAsync(definition.Name);
        return await SaveAsync(definition, item, isNew: true, command);
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id)
    {
        if (await content.GetAsync(id, VersionOptions.Latest) is not { } item || await TypeAsync(item.ContentType) is not { } definition)
        {
            return NotFound();
        }

        if (!await workflow.CanEditAsync(item))
        {
            return Forbid();
        }

        return View(await EditorAsync(definition, item, isNew: false, new FormErrors(), (string?)TempData["Message"]));
    }

    [HttpPost]
    [MediaUploadLimit]
    public async Task<IActionResult> Update(string id, [FromForm] string? command, [FromForm] string? versionId, [FromForm] long version)
    {
        if (await content.GetAsync(id, VersionOptions.Latest) is not { } item || await TypeAsync(item.ContentType) is not { } definition)
        {
            return NotFound();
        }

        if (!await workflow.CanEditAsync(item))
        {
            return Forbid();
        }

        if (item.ContentItemVersionId != versionId || item.Version != version)
        {
            var errors = new FormErrors();
            errors.Add("", "这条内容在你编辑期间已被他人修改。下面是最新的内容，请重新修改后再保存。");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", await EditorAsync(definition, item, isNew: false, errors, message: null));
        }

        return await SaveAsync(definition, item, isNew: false, command);
    }

    [HttpPost]
    public async Task<IActionResult> Unpublish(string id) => await TransitionAsync(id, () => workflow.UnpublishAsync(id), "已撤下。");

    [HttpPost]
    public async Task<IActionResult> Remove(string id)
    {
        var item = await content.GetAsync(id, VersionOptions.Latest);
        if (item is null)
        {
            return NotFound();
        }

        try
        {
            await workflow.RemoveAsync(id);
        }
        catch (WorkflowForbiddenException)
        {
            return Forbid();
        }

        await session.SaveChangesAsync();
        return LocalRedirect($"/admin/content/{item.ContentType}");
    }

    /// <summary>The Markdown as the site will show it, for the editor's live preview (raw HTML and unsafe links removed, as on the site).</summary>
    [HttpPost]
    public IActionResult Preview([FromForm] string? markdown) =>
        Content(renderer.ToHtml(markdown), "text/html; charset=utf-8");

    private async Task<IActionResult> SaveAsync(ContentTypeDefinition definition, ContentItem item, bool isNew, string? command)
    {
        var errors = new FormErrors();
        var canChooseOwner = await permissions.HasAsync(ContentPermissions.EditContent);
        await form.ApplyAsync(definition, item, Request.Form, errors, canChooseOwner);
        if (Request.Form.Files.GetFile("CoverFile") is { Length: > 0 } cover)
        {
            var uploaded = await uploads.UploadAsync(cover, folderId: null, permissions.UserId, MediaKind.Image, HttpContext.RequestAborted);
            if (uploaded.Error is not null)
            {
                errors.Add("MediaPart.Cover", uploaded.Error);
            }
            else
            {
                var part = item.Part<MediaPart>();
                part.Cover = uploaded.File!.Url;
                item.Apply(part);
            }
        }

        if (Request.Form.Files.GetFile("PanoramaFile") is { Length: > 0 } panorama && definition.Has(nameof(PanoramaPart)))
        {
            await panoramas.UploadAsync(item, panorama, permissions.UserId, errors, HttpContext.RequestAborted);
        }

        if (!errors.Any)
        {
            try
            {
                var saved = await workflow.SaveAsync(item, isNew, publish: command == "publish");
                if (command == "submit")
                {
                    await workflow.SubmitAsync(saved.ContentItemId);
                }

                await session.SaveChangesAsync();
                TempData["Message"] = command switch
                {
                    "publish" => "已保存并发布。",
                    "submit" => "已保存并提交审核，编辑审核后会通知你。",
                    _ => "草稿已保存。",
                };
                return LocalRedirect($"/admin/content/edit/{saved.ContentItemId}");
            }
            catch (WorkflowForbiddenException)
            {
                return Forbid();
            }
            catch (ContentValidationException e)
            {
                foreach (var error in e.Errors)
                {
                    errors.Add(PostedForm.ErrorKey(error.Member), error.Message);
                }
            }
            catch (ConcurrencyException)
            {
                errors.Add("", "这条内容在你编辑期间已被他人修改，请刷新后重新修改。");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await EditorAsync(definition, item, isNew, errors, message: null));
    }

    private async Task<IActionResult> TransitionAsync(string id, Func<Task> action, string message)
    {
        try
        {
            await action();
            await session.SaveChangesAsync();
            TempData["Message"] = message;
        }
        catch (WorkflowForbiddenException)
        {
            return Forbid();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        return LocalRedirect($"/admin/content/edit/{id}");
    }

    private async Task<ContentEditorViewModel> EditorAsync(ContentTypeDefinition definition, ContentItem item, bool isNew, FormErrors errors, string? message)
    {
        var canChooseOwner = await permissions.HasAsync(ContentPermissions.EditContent);
        var fields = await form.BuildAsync(definition, item, canChooseOwner);
        var history = isNew ? [] : AuditRows.From(await AuditTrail.ListAsync(session, item.ContentItemId));
        var returned = isNew || item.Status != ContentStatus.Draft ? null : await AuditTrail.LastReturnAsync(session, item.ContentItemId);
        var scheduled = isNew ? null : await PublishSchedule.FindAsync(session, item.ContentItemId);
        var published = isNew ? null : await content.GetAsync(item.ContentItemId, VersionOptions.Published);
        var path = published?.Part<AutoroutePart>().Path;
        var actions = new EditorActions(
            CanSubmit: await permissions.HasAsync(EditorialPermissions.SubmitForReview),
            CanPublish: await workflow.CanPublishAsync(),
            CanRemove: !isNew && await workflow.CanRemoveAsync(item),
            CanUnpublish: published is not null && await workflow.CanPublishAsync(),
            IsNew: isNew);
        return new ContentEditorViewModel(isNew ? $"新建{definition.DisplayName}" : $"编辑{definition.DisplayName}：{item.DisplayText}", definition.Name, definition.DisplayName,
            isNew ? null : item.ContentItemId, item.ContentItemVersionId, item.Version, isNew ? "新建" : ContentRows.Status(item), path is { Length: > 0 } ? "/" + path : null,
            fields, errors, history, returned?.Comment, scheduled is null ? null : When(scheduled.DueUtc), actions, message,
            isNew ? null : await ContentHistoryController.VersionsAsync(content, item));
    }

    private async Task<ContentTypeDefinition?> TypeAsync(string type) =>
        (await definitions.ListTypesAsync()).FirstOrDefault(t => t.Creatable && string.Equals(t.Name, type, StringComparison.OrdinalIgnoreCase));
}
