using CivicsClass.Content.Recipes;
using CivicsClass.Data.Migrations;
using CivicsClass.Learning.Analytics;
using CivicsClass.Learning.CheckIns;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Maintenance;
using CivicsClass.Learning.Migrations;
using CivicsClass.Learning.Points;
using CivicsClass.Learning.Quizzes;
using CivicsClass.Learning.Study;
using CivicsClass.Learning.TopicRequests;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Learning;

public static class LearningModule
{
    /// <summary>The ledger and its rules, study sessions, quizzes, check-ins, progress, leaderboards, requests, reports and the removal of expired sessions.</summary>
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.AddSingleton<IDataMigration, LearningMigrations>();
        services.AddSingleton<PointsRuleStore>();
        services.AddSingleton<QuestionBank>();
        services.AddSingleton<LearningSecret>();
        services.AddMemoryCache();
        services.AddScoped<IRecipeStep, PointsRulesStep>();
        services.AddScoped<PointsLedger>();
        services.AddScoped<LearningProgress>();
        services.AddScoped<StudySessions>();
        services.AddScoped<QuizService>();
        services.AddScoped<QuizAttempts>();
        services.AddScoped<CheckInService>();
        services.AddScoped<LeaderboardReader>();
        services.AddOptions<LeaderboardOptions>().BindConfiguration("Leaderboards");
        services.AddSingleton<LearningRollup>();
        services.AddHostedService(provider => provider.GetRequiredService<LearningRollup>());
        services.AddOptions<MaintenanceOptions>().BindConfiguration("Maintenance");
        services.AddSingleton<ExpiredDataCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<ExpiredDataCleanup>());
        services.AddScoped<Recommendations>();
        services.AddScoped<TopicRequestStore>();
        services.AddScoped<LearningAnalytics>();
        return services;
    }
}
