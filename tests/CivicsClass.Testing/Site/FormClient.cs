using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CivicsClass.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Testing.Site;

/// <summary>A browser without a browser: keeps cookies, reads a form's antiforgery token and posts the form as a person would.</summary>
public sealed partial class FormClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    public static FormClient For(SiteFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates an account with these roles straight through Identity, for tests about what a role may do.</summary>
    public static async Task<User> CreateUserAsync(SiteFactory factory, string userName, string password, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = userName, DisplayName = "测试" + userName[^4..], Roles = roles.ToList(), CreatedUtc = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<FormClient> SignedInAsync(SiteFactory factory, string userName, string password)
    {
        var form = For(factory);
        var response = await form.PostAsync("/account/login", "/account/login", new() { ["phoneOrEmail"] = userName, ["password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return form;
    }

    public async Task<string> GetStringAsync(string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }

    /// <summary>Opens <paramref name="formPage"/>, takes its antiforgery token and posts the fields to <paramref name="action"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string formPage, string action, Dictionary<string, string> fields) =>
        PostAsync(formPage, action, (IEnumerable<KeyValuePair<string, string>>)fields);

    /// <summary>Posts fields, some repeated, with a token read from <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetStringAsync(formPage);
        var all = fields.Append(new("__RequestVerificationToken", Token(page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> PostWithoutTokenAsync(string action, Dictionary<string, string> fields) =>
        client.PostAsync(action, new FormUrlEncodedContent(fields));

    public static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void UseBearer(string token) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
