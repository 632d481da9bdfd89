using CivicsClass.Learning.Analytics;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Study;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CivicsClass.Learning;

/// <summary>
/// Every address of learning's pages and admin screens, in one table. The controllers carry no route
/// of their own, so these are all their addresses; each action's GET or POST says which requests it takes.
/// </summary>
internal static class LearningRoutes
{
    public static IEndpointRouteBuilder MapLearningPages(this IEndpointRouteBuilder endpoints)
    {
        const string learning = "Learning";
        Page(endpoints, "learning", learning, nameof(LearningController.Index));
        Page(endpoints, "learning/daily-quiz", learning, nameof(LearningController.DailyQuiz));
        Page(endpoints, "study/sessions", learning, nameof(LearningController.Open));
        Page(endpoints, "study/sessions/{id}/heartbeat", learning, nameof(LearningController.Heartbeat));
        Page(endpoints, "study/sessions/{id}/complete", learning, nameof(LearningController.Complete));
        Page(endpoints, "leaderboards", learning, nameof(LearningController.Leaderboards));
        Page(endpoints, "certificates/{code}", learning, nameof(LearningController.Certificate));
        Page(endpoints, "checkin", learning, nameof(LearningController.CheckIn));
        Page(endpoints, "checkin/show/{id}", learning, nameof(LearningController.ShowCode));
        Page(endpoints, "requests", learning, nameof(LearningController.Requests));
        Page(endpoints, "requests", learning, nameof(LearningController.Ask));
        Page(endpoints, "requests/{id:long}/vote", learning, nameof(LearningController.Vote));
        return endpoints;
    }

    public static IEndpointRouteBuilder MapLearningAdmin(this IEndpointRouteBuilder endpoints)
    {
        const string rules = "PointsRules", ledger = "PointsLedger", analytics = "Analytics";
        Admin(endpoints, "admin/points", rules, nameof(PointsRulesController.Index));
        Admin(endpoints, "admin/points/{name}", rules, nameof(PointsRulesController.Save));
        Admin(endpoints, "admin/points/ledger", ledger, nameof(PointsLedgerController.Index));
        Admin(endpoints, "admin/points/ledger/{userId:long}", ledger, nameof(PointsLedgerController.Learner));
        Admin(endpoints, "admin/points/ledger/{userId:long}/{entryId:long}/reverse", ledger, nameof(PointsLedgerController.Reverse));
        Admin(endpoints, "admin/analytics", analytics, nameof(AnalyticsController.Index));
        Admin(endpoints, "admin/analytics/requests/{id:long}", analytics, nameof(AnalyticsController.SetStatus));
        return endpoints;
    }

    private static void Page(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapControllerRoute($"learning:{controller}.{action}", pattern, new { controller, action });

    private static void Admin(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapAreaControllerRoute($"learning-admin:{controller}.{action}", "Admin", pattern, new { controller, action });
}
