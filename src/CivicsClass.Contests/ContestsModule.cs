using System.Security.Claims;
using System.Threading.RateLimiting;
using CivicsClass.Content.Security;
using CivicsClass.Contests.Api;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Live;
using CivicsClass.Contests.Map;
using CivicsClass.Contests.Migrations;
using CivicsClass.Contests.Questions;
using CivicsClass.Contests.Rankings;
using CivicsClass.Contests.Rounds;
using CivicsClass.Contests.Site;
using CivicsClass.Data.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Contests;

public static class ContestsModule
{
    /// <summary>The rate limit on starting rounds, answering and finishing, per person (or per address before sign-in).</summary>
    internal const string RateLimit = "contest";

    /// <summary>Contests: rounds, the map, standings, voiding; their permissions, pages, admin screens and API.</summary>
    public static IServiceCollection AddContests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddMvcCore().AddApplicationPart(typeof(ContestsModule).Assembly)
            .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new InternalControllers()));
        // A round of 10 questions is about a dozen requests; a script firing hundreds a minute is stopped.
        var perMinute = configuration.GetValue("RateLimits:ContestPerMinute", 120);
        services.AddRateLimiter(options =>
            options.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));

        services.AddSingleton<IDataMigration, ContestsMigrations>();
        services.AddMemoryCache();
        services.AddScoped<ContestDirectory>();
        services.AddScoped<Eligibility>();
        services.AddScoped<ContestQuestionBank>();
        services.AddScoped<ContestMap>();
        services.AddScoped<RoundStore>();
        services.AddScoped<RoundService>();
        services.AddScoped<StandingsReader>();
        services.AddScoped<ContestPageBuilder>();
        services.AddScoped<LiveTeams>();
        services.AddScoped<LiveRoomStore>();
        services.AddScoped<LiveFinalService>();
        services.AddSingleton<LiveRoomFeed>();
        return services;
    }

    /// <summary>
    /// The pages (<c>/contests</c>, <c>/contests/{slug}</c>, <c>/contests/rounds/{id}</c>), the admin screens
    /// (<c>/admin/contests</c>) and the app's calls under <c>/api/v1/contests</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapContests(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContestPages();
        endpoints.MapContestAdmin();
        endpoints.MapLiveFinalEvents();
        endpoints.MapGroup("/api/v1").MapContestsApi();
        return endpoints;
    }
}
