using CivicsClass.Content.Recipes;
using CivicsClass.Data.Migrations;
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
        services.AddScoped<Quizzes>();
        services.AddScoped<QuizAttempts>();
        services.AddScoped<CheckIns>();
        services.AddScoped<Leaderboards>();
        services.AddOptions<LeaderboardOptions>().BindConfiguration("Leaderboards");
        services.AddSingleton<LearningRollup>();
        services.AddHostedService(provider => provider.GetRequiredService<LearningRollup>());
        services.AddOptions<MaintenanceOptions>().BindConfiguration("Maintenance");
        services.AddSingleton<ExpiredDataCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<ExpiredDataCleanup>());
        services.AddScoped<Recommendations>();
        services.AddScoped<TopicRequests>();
        services.AddScoped<LearningAnalytics>();
        return services;
    }
}
