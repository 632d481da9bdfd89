using System.Net;
using System.Security.Cryptography;
using System.Text;
using CivicsClass.Data.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CivicsClass.Web.Health;

/// <summary>
/// <c>/metrics</c> in Prometheus' text format, through OpenTelemetry: the site's meter beside ASP.NET
/// Core's and Kestrel's (requests, connections, rate limiting, errors) and the runtime's (collections,
/// thread pool). Served to a scraper on loopback or holding the bearer token from <c>Metrics:Token</c>.
/// </summary>
public static class MetricsEndpoint
{
    public static IServiceCollection AddSiteMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("CivicsClass"))
            .WithMetrics(metrics => metrics
                .AddMeter(SiteMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                // Series keep the labels they had before OpenTelemetry: their names already say where they come from.
                .AddPrometheusExporter(options => options.ScopeInfoEnabled = false));
        return services;
    }

    public static IEndpointConventionBuilder MapSiteMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: scrape => scrape.Use(async (context, next) =>
        {
            if (!MayScrape(context, context.RequestServices.GetRequiredService<IConfiguration>()["Metrics:Token"]))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        }), optionsName: null);

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var given = context.Request.Headers.Authorization.ToString();
            return given.StartsWith("Bearer ", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[7..]), Encoding.UTF8.GetBytes(token));
        }

        // Behind a proxy the address is the client's (Edge/ForwardedHeadersSetup); forwarding headers left
        // over came through a proxy that is not trusted, so the loopback connection is not the client.
        return context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
            && !Edge.ForwardedHeadersSetup.CarriesUntrustedForwarding(context.Request);
    }
}
