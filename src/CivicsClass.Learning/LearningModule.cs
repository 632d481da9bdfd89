using CivicsClass.Content.Recipes;
using CivicsClass.Data.Migrations;
using CivicsClass.Learning.Analytics;
using CivicsClass.Learning.CheckIns;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Data.Jobs;
using CivicsClass.Learning.Maintenance;
using CivicsClass.Learning.Migrations;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Quizzes;
using CivicsClass.Learning.Study;
using CivicsClass.Learning.TopicRequests;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CivicsClass.Content.Security;
using CivicsClass.Learning.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Learning;

public static class LearningModule
{
    /// <summary>The rate limit on everything that can earn points, per person (or per address before sign-in).</summary>
    internal const string PointsRateLimit = "points";

    /// <summary>
    /// The ledger and its rules, study sessions, quizzes, check-ins, progress, leaderboards, requests, reports
    /// and the removal of expired sessions; the permissions they need; and their pages, admin screens and API.
    /// </summary>
    public static IServiceCollection AddLearning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAccountHandler, LearnerRecord>();
        services.AddMvcCore().AddApplicationPart(typeof(LearningModule).Assembly);
        var pointsPerMinute = configuration.GetValue("RateLimits:PointsPerMinute", 60);
        services.AddRateLimiter(options =>
            // A script hammering heartbeats or check-ins is stopped long before it could matter.
            options.AddPolicy(PointsRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = pointsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));

        services.AddSingleton<IDataMigration, LearningMigrations>();
        services.AddSingleton<PointsRuleStore>();
        services.AddSingleton<QuestionBank>();
        services.AddSingleton<LearningSecret>();
        services.AddMemoryCache();
        services.AddScoped<IRecipeStep, PointsRulesStep>();
        services.AddScoped<PointsLedger>();
        services.AddScoped<LearningProgress>();
        services.AddScoped<StudySessions>();
        services.AddOptions<StudyOptions>().Bind(configuration.GetSection("Study"));
        services.AddScoped<QuizService>();
        services.AddScoped<QuizAttempts>();
        services.AddScoped<CheckInService>();
        services.AddScoped<LeaderboardReader>();
        services.AddOptions<LeaderboardOptions>().Bind(configuration.GetSection("Leaderboards"));
        services.AddSingleton<LearningRollup>();
        services.AddHostedService(provider => provider.GetRequiredService<LearningRollup>());
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection("Maintenance"));
        services.AddSingleton<IExpiredDataSweep, SupersededStudySessionSweep>();
        services.AddSingleton<IExpiredDataSweep, CompletedStudySessionSweep>();
        services.AddSingleton<IExpiredDataSweep, DailyQuizDrawSweep>();
        services.AddSingleton<IExpiredDataSweep, QuizAttemptSweep>();
        services.AddSingleton<ExpiredDataCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<ExpiredDataCleanup>());
        services.AddScoped<Recommendations>();
        services.AddScoped<TopicRequestStore>();
        services.AddScoped<LearningAnalytics>();
        services.AddScoped<MyLearningPageBuilder>();
        services.AddScoped<MyDayBuilder>();
        return services;
    }

    /// <summary>
    /// Learning's pages (<c>/learning</c>, <c>/study/sessions</c>, <c>/leaderboards</c>, <c>/certificates</c>, <c>/checkin</c>,
    /// <c>/requests</c>), its admin screens (<c>/admin/points</c>, <c>/admin/analytics</c>) and the app's calls under <c>/api/v1</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapLearning(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLearningPages();
        endpoints.MapLearningAdmin();
        endpoints.MapGroup("/api/v1").MapLearningApi();
        return endpoints;
    }
}
