using System.Net;
using CivicsClass.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Edge;

/// <summary>The security headers on every kind of response, the map tiles' host in the policy of a page with a map, Secure cookies and HSTS over HTTPS.</summary>
public sealed class SecurityHeadersTests(SiteHost<Sqlite> host) : IClassFixture<SiteHost<Sqlite>>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/lessons/anyuan-great-strike-1922")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/search?q=x")]
    [InlineData("/_content/CivicsClass.Theme/css/site.css")]
    [InlineData("/healthz")]
    [InlineData("/admin")]
    public async Task AnyResponse_CarriesThePolicyAndFramingHeaders(string path)
    {
        using var client = await host.ClientAsync();

        using var first = await client.GetAsync(path);
        using var cached = await client.GetAsync(path);

        foreach (var response in new[] { first, cached })
        {
            var policy = Header(response, "Content-Security-Policy");
            Assert.Contains("script-src 'self';", policy);
            Assert.Contains("style-src 'self';", policy);
            Assert.Contains("img-src 'self' data: blob:", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        }
    }

    [Fact]
    public async Task PageWithMap_AllowsTheConfiguredTileHost_AlsoFromTheCache()
    {
        using var client = await host.ClientAsync();

        using var first = await client.GetAsync("/venues");
        using var cached = await client.GetAsync("/venues");
        using var noMap = await client.GetAsync("/lessons");

        Assert.Contains("img-src 'self' data: blob: https://tile.openstreetmap.org;", Header(first, "Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: https://tile.openstreetmap.org;", Header(cached, "Content-Security-Policy"));
        Assert.DoesNotContain("openstreetmap", Header(noMap, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png", "https://*.tile.example.org:8443")]
    [InlineData("HTTP://Tiles.Example.ORG", "http://tiles.example.org")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("https://evil.example.org; script-src *", null)]
    [InlineData("/local/{z}/{x}/{y}.png", null)]
    public void Origin_OfATileTemplate_IsItsSchemeAndHostOnly(string url, string? origin)
    {
        Assert.Equal(origin, CivicsClass.Web.Edge.ContentSecurityPolicy.Origin(url));
    }

    [Fact]
    public async Task Cookies_OverHttps_AreSecure()
    {
        var factory = await host.GetAsync();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/account/login");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ConfiguredForHttps_RedirectsHttpAndSendsHsts()
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["https_port"] = "443" });
        using var plain = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://civics.example.org"), AllowAutoRedirect = false });
        using var secure = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://civics.example.org"), AllowAutoRedirect = false });

        using var redirected = await plain.GetAsync("/lessons?page=2");
        using var served = await secure.GetAsync("/lessons");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://civics.example.org/lessons?page=2", redirected.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(served, "Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header ({(int)response.StatusCode})");
}
