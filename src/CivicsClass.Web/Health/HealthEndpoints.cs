using System.Text.Json;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Media.Imaging;
using CivicsClass.Search.Indexing;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicsClass.Web.Health;

/// <summary>
/// What an operator and a load balancer ask of a node: <c>/healthz</c> (the process answers: restart
/// it if not), <c>/readyz</c> (send it traffic: the database answers, its schema is current, the
/// work queues are not swamped and libvips resizes images — without it the node still serves, with
/// originals, and says so; details for administrators only) and <c>/metrics</c>
/// (<see cref="MetricsEndpoint"/>).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSiteMetrics();
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag])
            .AddCheck<MigrationsCheck>("migrations", tags: [ReadyTag])
            .AddCheck<SearchBacklogCheck>("search-backlog", tags: [ReadyTag])
            .AddCheck<ImagesCheck>("images", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        endpoints.MapSiteMetrics();
        return endpoints;
    }

    /// <summary>Everyone gets the status and, when something is wrong, one sentence; administrators also get each check.</summary>
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var status = report.Status switch
        {
            HealthStatus.Healthy => "healthy",
            HealthStatus.Degraded => "degraded",
            _ => "unhealthy",
        };
        var problem = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).OrderBy(e => e.Status).Select(e => e.Description).FirstOrDefault();
        var body = new Dictionary<string, object?> { ["status"] = status };
        if (problem is not null)
        {
            body["message"] = problem;
        }

        if (context.User.Identity?.IsAuthenticated == true && await context.RequestServices.GetRequiredService<CurrentPermissions>().HasAsync(SitePermissions.ManageSettings))
        {
            body["checks"] = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
                ms = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data,
            });
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, s_json));
    }

    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private sealed class DatabaseCheck(ISqlDialect dialect) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (await dialect.IsReachableAsync(cancellationToken))
                {
                    return HealthCheckResult.Healthy($"{dialect.Name} 可以连接。");
                }
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("数据库暂时无法连接。", exception);
            }

            return HealthCheckResult.Unhealthy("数据库暂时无法连接。");
        }
    }

    private sealed class MigrationsCheck(MigrationRunner runner, IEnumerable<IDataMigration> migrations) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var applied = await runner.AppliedAsync(cancellationToken);
                var pending = migrations.Where(m => m.Steps.Count > 0 && applied.GetValueOrDefault(m.Module) < m.Steps.Max(s => s.Number))
                    .Select(m => m.Module).Order(StringComparer.Ordinal).ToList();
                return pending.Count == 0
                    ? HealthCheckResult.Healthy("数据库结构是最新的。")
                    : HealthCheckResult.Unhealthy($"数据库结构还没有更新：{string.Join("、", pending)}。", data: new Dictionary<string, object> { ["pending"] = pending });
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("数据库暂时无法连接。", exception);
            }
        }
    }

    private sealed class ImagesCheck(IImageProcessor images) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(images.IsAvailable
                ? HealthCheckResult.Healthy(images.Description)
                : HealthCheckResult.Degraded($"图片按原图提供，没有缩放：{images.Description}"));
    }

    private sealed class SearchBacklogCheck(Search.Indexing.SearchIndexer indexer, IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var limit = configuration.GetValue("Health:SearchBacklog", 10_000);
            try
            {
                var lag = await indexer.LagAsync();
                var data = new Dictionary<string, object> { ["lag"] = lag, ["limit"] = limit };
                return lag <= limit
                    ? HealthCheckResult.Healthy($"本节点的搜索索引待应用 {lag} 条变更。", data)
                    : HealthCheckResult.Degraded($"本节点的搜索索引待应用 {lag} 条变更，超过 {limit}：新发布的内容要晚一些才能搜到。", data: data);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("数据库暂时无法连接。", exception);
            }
        }
    }
}
