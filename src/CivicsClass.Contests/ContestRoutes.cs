using CivicsClass.Contests.Admin;
using CivicsClass.Contests.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CivicsClass.Contests;

/// <summary>Every address of the contest pages and admin screens, in one table; each action's GET or POST says which requests it takes.</summary>
internal static class ContestRoutes
{
    public static IEndpointRouteBuilder MapContestPages(this IEndpointRouteBuilder endpoints)
    {
        const string contests = "Contests";
        Page(endpoints, "contests", contests, nameof(ContestsController.Index));
        Page(endpoints, "contests/rounds/{id}", contests, nameof(ContestsController.Round));
        Page(endpoints, "contests/rounds/{id}/answers", contests, nameof(ContestsController.Answer));
        Page(endpoints, "contests/rounds/{id}/finish", contests, nameof(ContestsController.Finish));
        const string live = "LiveFinal";
        Page(endpoints, "contests/live/{roomId}", live, nameof(LiveFinalController.Room));
        Page(endpoints, "contests/live/{roomId}/join", live, nameof(LiveFinalController.Join));
        Page(endpoints, "contests/live/{roomId}/answers", live, nameof(LiveFinalController.Answer));
        Page(endpoints, "contests/live/{roomId}/projector", live, nameof(LiveFinalController.Projector));
        Page(endpoints, "contests/{slug}", contests, nameof(ContestsController.Show));
        Page(endpoints, "contests/{slug}/rounds", contests, nameof(ContestsController.Start));
        return endpoints;
    }

    public static IEndpointRouteBuilder MapContestAdmin(this IEndpointRouteBuilder endpoints)
    {
        const string admin = "ContestStandings";
        Admin(endpoints, "admin/contests", admin, nameof(ContestStandingsController.Index));
        Admin(endpoints, "admin/contests/{id}", admin, nameof(ContestStandingsController.Standings));
        Admin(endpoints, "admin/contests/{id}/standings.csv", admin, nameof(ContestStandingsController.Csv));
        Admin(endpoints, "admin/contests/{id}/rounds/{roundId}/void", admin, nameof(ContestStandingsController.Void));
        const string finals = "LiveFinalAdmin";
        Admin(endpoints, "admin/contests/{id}/live", finals, nameof(LiveFinalAdminController.Index));
        Admin(endpoints, "admin/contests/{id}/live/open", finals, nameof(LiveFinalAdminController.Open));
        Admin(endpoints, "admin/live-finals/{roomId}", finals, nameof(LiveFinalAdminController.Room));
        Admin(endpoints, "admin/live-finals/{roomId}/next", finals, nameof(LiveFinalAdminController.Next));
        Admin(endpoints, "admin/live-finals/{roomId}/finish", finals, nameof(LiveFinalAdminController.Finish));
        return endpoints;
    }

    private static void Page(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapControllerRoute($"contests:{controller}.{action}", pattern, new { controller, action });

    private static void Admin(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapAreaControllerRoute($"contests-admin:{controller}.{action}", "Admin", pattern, new { controller, action });
}
