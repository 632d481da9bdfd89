using CivicsClass.Editorial.Dashboard;
using CivicsClass.Editorial.Editing;
using CivicsClass.Editorial.History;
using CivicsClass.Editorial.Jobs;
using CivicsClass.Editorial.Recipes;
using CivicsClass.Editorial.Review;
using CivicsClass.Editorial.Taxonomies;
using CivicsClass.Editorial.Types;

namespace CivicsClass.Editorial;

/// <summary>
/// Every address of the editorial pages, in one table. The controllers carry no route of their own, so these are all
/// their addresses; each action's GET or POST says which requests it takes. Where two patterns match one address the
/// first listed wins, so <c>/admin/content/edit/{id}</c> comes before <c>/admin/content/{type}/new</c>.
/// </summary>
internal static class EditorialRoutes
{
    public static IEndpointRouteBuilder MapEditorialAdmin(this IEndpointRouteBuilder endpoints)
    {
        const string dashboard = "Dashboard";
        Admin(endpoints, "admin", dashboard, nameof(DashboardController.Index));
        Admin(endpoints, "admin/notifications/read", dashboard, nameof(DashboardController.MarkNotificationsRead));

        const string content = "ContentAdmin";
        Admin(endpoints, "admin/content/edit/{id}", content, nameof(ContentAdminController.Edit));
        Admin(endpoints, "admin/content/edit/{id}", content, nameof(ContentAdminController.Update));
        Admin(endpoints, "admin/content/edit/{id}/unpublish", content, nameof(ContentAdminController.Unpublish));
        Admin(endpoints, "admin/content/edit/{id}/remove", content, nameof(ContentAdminController.Remove));
        Admin(endpoints, "admin/content/edit/{id}/restore", "ContentHistory", nameof(ContentHistoryController.Restore));
        Admin(endpoints, "admin/content/{type}", content, nameof(ContentAdminController.List));
        Admin(endpoints, "admin/content/{type}/new", content, nameof(ContentAdminController.New));
        Admin(endpoints, "admin/content/{type}/new", content, nameof(ContentAdminController.Create));
        Admin(endpoints, "admin/preview", content, nameof(ContentAdminController.Preview));

        const string review = "Review";
        Admin(endpoints, "admin/review", review, nameof(ReviewController.Queue));
        Admin(endpoints, "admin/review/{id}", review, nameof(ReviewController.Review));
        Admin(endpoints, "admin/review/{id}/approve", review, nameof(ReviewController.Approve));
        Admin(endpoints, "admin/review/{id}/return", review, nameof(ReviewController.Return));

        const string taxonomies = "Taxonomies";
        Admin(endpoints, "admin/taxonomies", taxonomies, nameof(TaxonomiesController.Index));
        Admin(endpoints, "admin/taxonomies/{alias}", taxonomies, nameof(TaxonomiesController.Edit));
        Admin(endpoints, "admin/taxonomies/{alias}", taxonomies, nameof(TaxonomiesController.Save));

        const string types = "Types";
        Admin(endpoints, "admin/types", types, nameof(TypesController.Index));
        Admin(endpoints, "admin/types", types, nameof(TypesController.Create));
        Admin(endpoints, "admin/types/{type}/fields", types, nameof(TypesController.AddField));
        Admin(endpoints, "admin/types/{type}/fields/{field}/delete", types, nameof(TypesController.RemoveField));
        Admin(endpoints, "admin/types/{type}/fields/{field}/move", types, nameof(TypesController.MoveField));
        Admin(endpoints, "admin/types/{type}/behaviour", types, nameof(TypesController.SetBehaviour));

        const string recipes = "Recipes";
        Admin(endpoints, "admin/recipes", recipes, nameof(RecipesController.Index));
        Admin(endpoints, "admin/recipes/import", recipes, nameof(RecipesController.Import));
        Admin(endpoints, "admin/recipes/export", recipes, nameof(RecipesController.Export));

        const string jobs = "Jobs";
        Admin(endpoints, "admin/jobs", jobs, nameof(JobsController.Index));
        Admin(endpoints, "admin/jobs/cleanup/run", jobs, nameof(JobsController.RunCleanup));
        Admin(endpoints, "admin/jobs/search/{id:long}/retry", jobs, nameof(JobsController.Retry));
        return endpoints;
    }

    private static void Admin(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapAreaControllerRoute($"editorial-admin:{controller}.{action}", "Admin", pattern, new { controller, action });
}
