using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicsClass.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Edge;

/// <summary>
/// Every route of the site, anonymous and as a signed-in worker, fed hostile query strings, form fields
/// (with a valid antiforgery token, so they reach the action) and route values: control characters,
/// 10 000-character values, invalid UTF-8 and markup, one parameter at a time so none hides behind
/// another's refusal. Seeded and bounded (a few requests per parameter), in process. Nothing may
/// answer 500, show a stack trace or echo the markup unescaped into a page.
/// </summary>
public abstract class RouteFuzzTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Marker = "<x-fuzz>";
    private const string Password = "fuzz-worker-2026";

    /// <summary>Each kind of hostile value, percent-encoded as sent; invalid UTF-8 cannot be written any other way.</summary>
    private static readonly string[][] s_kinds =
    [
        ["%00", "a%00b", "%00%01%1F%7F", "%C2%85%00", "%09%00%0D%0A"],
        [Uri.EscapeDataString(new string('劳', 10_000)), Uri.EscapeDataString(new string('x', 10_000)), Uri.EscapeDataString(new string('<', 10_000))],
        ["%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "%F0%28%8C%28", "%E2%82"],
        [Uri.EscapeDataString(Marker), Uri.EscapeDataString("\"'>" + Marker), Uri.EscapeDataString("javascript:" + Marker)],
        ["-1", "99999999999999999999", "NaN", "1e309", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"],
    ];

    [SkippableFact]
    public async Task EveryRoute_HostileQueriesFormsAndRouteValues_NeverFailNorEcho()
    {
        var factory = await host.GetAsync();
        var routes = await RouteTable.ReadAsync(factory.Services);
        var anonymous = await VisitorAsync(factory, signIn: false);
        var worker = await VisitorAsync(factory, signIn: true);
        var random = new Random(1616);
        var failures = new List<string>();
        var sent = 0;

        foreach (var route in routes)
        {
            foreach (var (client, token) in route.IsStatic ? [anonymous] : new[] { anonymous, worker })
            {
                if (route.Path == "/account/logout")
                {
                    continue; // would end the worker's session halfway
                }

                var names = route.Names.Concat(Enumerable.Range(0, 2).Select(_ => RouteTarget.CommonNames[random.Next(RouteTarget.CommonNames.Length)]));
                var cases = (route.IsStatic ? names.Take(1) : names).SelectMany(name => Enumerable.Range(0, 2).Select(_ => (name, Hostile(random))))
                    .Select(c => Request(route, route.Path, c.name, c.Item2, token)).ToList();
                if (route.Template is not null)
                {
                    // A NUL in a path is refused by the server before the site sees it (and by the test client).
                    cases.Add(Request(route, string.Format(route.Template, Hostile(random).Replace("%00", "%01")), null, null, token));
                }

                foreach (var request in cases)
                {
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    sent++;
                    if (Failure(response, body) is { } failure)
                    {
                        failures.Add($"{route.Method} {request.RequestUri!.OriginalString[..Math.Min(160, request.RequestUri.OriginalString.Length)]}: {failure}");
                    }

                    request.Dispose();
                }
            }
        }

        Assert.True(routes.Count(r => !r.IsStatic) > 60 && sent > 1000, $"only {routes.Count} routes and {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join('\n', failures.Take(25)));
    }

    private static string Hostile(Random random)
    {
        var kind = s_kinds[random.Next(s_kinds.Length)];
        return kind[random.Next(kind.Length)];
    }

    private static HttpRequestMessage Request(RouteTarget route, string path, string? name, string? value, string token)
    {
        var field = name is null ? "" : name + "=" + value;
        if (route.Method == "GET")
        {
            return new HttpRequestMessage(HttpMethod.Get, path + (field.Length > 0 ? "?" + field : ""));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Content = path.StartsWith("/api/", StringComparison.Ordinal)
            ? JsonContent.Create(name is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [name] = WebUtility.UrlDecode(value) ?? "" })
            : new StringContent("__RequestVerificationToken=" + Uri.EscapeDataString(token) + (field.Length > 0 ? "&" + field : ""), Encoding.ASCII, "application/x-www-form-urlencoded");
        return request;
    }

    private static string? Failure(HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode >= 500)
        {
            return $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}";
        }

        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains(".cs:line", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal))
        {
            return "a stack trace: " + body[..Math.Min(300, body.Length)];
        }

        var html = response.Content.Headers.ContentType?.MediaType == "text/html";
        return html && body.Contains(Marker, StringComparison.OrdinalIgnoreCase) ? "the marker echoed unescaped" : null;
    }

    /// <summary>A client with cookies and a form token; signed in, a worker with a bearer token for the API as well.</summary>
    private static async Task<(HttpClient Client, string Token)> VisitorAsync(SiteFactory factory, bool signIn)
    {
        if (!signIn)
        {
            var visitor = FormClient.For(factory);
            return (visitor.Http, FormClient.Token(await visitor.GetStringAsync("/account/login")));
        }

        var name = "fuzz" + Guid.NewGuid().ToString("N")[..8];
        await FormClient.CreateUserAsync(factory, name, Password, "Worker");
        var form = await FormClient.SignedInAsync(factory, name, Password);
        var login = await form.Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = name, password = Password });
        login.EnsureSuccessStatusCode();
        form.UseBearer(JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!);
        return (form.Http, FormClient.Token(await form.GetStringAsync("/account/profile")));
    }
}

public sealed class SqliteRouteFuzzTests(SiteHost<Sqlite> host) : RouteFuzzTests<Sqlite>(host);

public sealed class PostgresRouteFuzzTests(SiteHost<Postgres> host) : RouteFuzzTests<Postgres>(host);
