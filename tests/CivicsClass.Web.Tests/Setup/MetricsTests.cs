using System.Net;
using System.Net.Http.Headers;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Setup;

/// <summary><c>/metrics</c>: Prometheus text for a scraper that holds the token, nothing for anyone else.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_NeedTheToken_AndCountRequestsCacheLookupsAndSearches()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["Metrics:Token"] = "scrape-secret" });
        using var client = factory.CreateClient();
        await client.GetStringAsync("/lessons/anyuan-great-strike-1922");
        await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("劳模"));

        var anonymous = await client.GetAsync("/metrics");
        var forged = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } };
        var wrong = await client.SendAsync(forged);
        var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret") } };
        var response = await client.SendAsync(scrape);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{http_request_method=\"GET\",http_response_status_code=\"200\",http_route=\"{section}/{slug}\"", text);
        Assert.Contains("le=\"+Inf\"", text);
        Assert.Contains("civics_cache_lookups_total{cache=\"page-model\",result=\"miss\"}", text);
        Assert.Contains("# TYPE civics_search_duration_seconds histogram", text);
        Assert.Contains("civics_cache_lookups_total{cache=\"search\",result=", text);
    }

    [Fact]
    public async Task Metrics_OverKestrel_CarryTheFrameworksMetersAndTheIndexLag_AndStillRefuseAnOutsider()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        await client.GetStringAsync("/lessons/anyuan-great-strike-1922");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        var outsider = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.7" } } };
        var refused = await client.SendAsync(outsider);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_count{http_request_method=\"GET\",http_response_status_code=\"200\",http_route=\"{section}/{slug}\"", text);
        Assert.Contains("# TYPE kestrel_active_connections gauge", text);
        Assert.Contains("kestrel_active_connections{network_transport=\"tcp\"", text);
        Assert.Contains("# TYPE civics_search_index_lag gauge", text);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("http_server", await refused.Content.ReadAsStringAsync());
    }
}
