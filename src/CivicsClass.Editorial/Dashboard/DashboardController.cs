using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Editorial.Editing;
using CivicsClass.Editorial.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial.Dashboard;

/// <summary>The admin's first page: notifications, what waits for review, one's own recent items and what one may create.</summary>
internal sealed class DashboardController(
    IContentManager content,
    ContentDefinitionManager definitions,
    ContentRows rows,
    Workflow workflow,
    Accounts.CurrentPermissions permissions,
    ISession session,
    TimeProvider clock) : EditorialAdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var userId = permissions.UserId!;
        var notifications = await Notifications.ListAsync(session, userId);
        var inReview = await workflow.CanPublishAsync()
            ? (await content.QueryAsync(new ContentQuery { Latest = true, Status = ContentStatus.InReview, Take = 1 })).Total
            : 0;
        var mine = await content.QueryAsync(new ContentQuery { Latest = true, Owner = userId, OrderBy = ContentOrder.ModifiedDescending, Take = 10 });
        var creatable = new List<TypeLink>();
        foreach (var type in (await definitions.ListTypesAsync()).Where(t => t.Creatable).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (await workflow.CanCreateAsync(type.Name))
            {
                creatable.Add(new TypeLink(type.Name, type.DisplayName));
            }
        }

        return View(new DashboardViewModel("工作台", notifications.Select(n => new NotificationRow(n.Message, n.Link, When(n.CreatedUtc), n.ReadUtc is null)).ToList(),
            inReview, await rows.ForAsync(mine.Items), creatable));
    }

    [HttpPost]
    public async Task<IActionResult> MarkNotificationsRead()
    {
        await Notifications.MarkAllReadAsync(session, permissions.UserId!, clock.GetUtcNow().UtcDateTime);
        await session.SaveChangesAsync();
        return LocalRedirect("/admin");
    }
}
