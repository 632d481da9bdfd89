using System.Net;
using System.Text;
using CivicsClass.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace CivicsClass.Web.Tests.Edge;

/// <summary>
/// Behind a reverse proxy: the client's address, scheme and host come from a trusted proxy's forwarded
/// headers and from no one else, so <c>/metrics</c> stays private, rate limits count each client and
/// absolute links carry the public address.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "127.0.0.1";
    private TestDatabase? _database;
    private SiteFactory? _factory;

    private TestServer Server => _factory!.Server;

    public async Task InitializeAsync()
    {
        _database = await new Sqlite().CreateAsync();
        _factory = new SiteFactory(_database, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2" });
        _factory.CreateClient().Dispose();
    }

    [Fact]
    public async Task Metrics_ThroughAProxyOnTheSameMachine_AreRefused()
    {
        var direct = await SendAsync(Server, "/metrics", Proxy);
        var proxied = await SendAsync(Server, "/metrics", Proxy, ("X-Forwarded-For", "203.0.113.7"));
        var forged = await SendAsync(Server, "/metrics", "198.51.100.9", ("X-Forwarded-For", "127.0.0.1"));

        Assert.Equal(StatusCodes.Status200OK, direct.Response.StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, proxied.Response.StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, forged.Response.StatusCode);
    }

    [Fact]
    public async Task SignInLimit_CountsEachClientBehindTheProxy_AndIgnoresForgedAddresses()
    {
        for (var i = 0; i < 2; i++)
        {
            await SignInAsync(Server, Proxy, "203.0.113.10");
        }

        var third = await SignInAsync(Server, Proxy, "203.0.113.10");
        var other = await SignInAsync(Server, Proxy, "203.0.113.11");
        var forger = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            forger.Add(await SignInAsync(Server, "198.51.100.20", "203.0.113." + (100 + i)));
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, third);
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, other);
        Assert.Equal(StatusCodes.Status429TooManyRequests, forger[2]);
    }

    [Fact]
    public async Task AbsoluteLinks_UseTheForwardedSchemeAndHost_OnlyFromATrustedProxy()
    {
        var trusted = await SendAsync(Server, "/feed.xml", Proxy, ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "civics.example.org"));
        var forged = await SendAsync(Server, "/sitemap.xml", "198.51.100.9", ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example.org"));

        Assert.Contains("https://civics.example.org/lessons/", await BodyAsync(trusted));
        var sitemap = await BodyAsync(forged);
        Assert.DoesNotContain("evil.example.org", sitemap);
        Assert.Contains("http://localhost/lessons/", sitemap);
    }

    [Fact]
    public async Task ConfiguredProxies_AreTheOnlyOnesBelieved()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/24",
            ["AllowedHosts"] = "civics.example.org;localhost",
        });
        factory.CreateClient().Dispose();

        var believed = await SendAsync(factory.Server, "/sitemap.xml", "10.0.0.2", ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Host", "civics.example.org"));
        var otherHost = await SendAsync(factory.Server, "/sitemap.xml", "10.0.0.2", ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Host", "evil.example.org"));
        var loopbackProxy = await SendAsync(factory.Server, "/metrics", Proxy, ("X-Forwarded-For", "203.0.113.7"));

        Assert.Contains("http://civics.example.org/", await BodyAsync(believed));
        Assert.DoesNotContain("evil.example.org", await BodyAsync(otherHost));
        Assert.Equal(StatusCodes.Status403Forbidden, loopbackProxy.Response.StatusCode);
    }

    private static async Task<int> SignInAsync(TestServer server, string from, string client)
    {
        var context = await SendAsync(server, "/api/v1/auth/login", from, ("X-Forwarded-For", client));
        return context.Response.StatusCode;
    }

    private static Task<HttpContext> SendAsync(TestServer server, string path, string from, params (string Name, string Value)[] headers) =>
        server.SendAsync(context =>
        {
            var post = path.Contains("/auth/", StringComparison.Ordinal);
            context.Request.Method = post ? "POST" : "GET";
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = path;
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            foreach (var (name, value) in headers)
            {
                context.Request.Headers[name] = value;
            }

            if (post)
            {
                var body = Encoding.UTF8.GetBytes("""{"phoneOrEmail":"nobody@example.org","password":"wrong-password-1"}""");
                context.Request.ContentType = "application/json";
                context.Request.ContentLength = body.Length;
                context.Request.Body = new MemoryStream(body);
            }
        });

    private static async Task<string> BodyAsync(HttpContext context) => await new StreamReader(context.Response.Body).ReadToEndAsync();

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
