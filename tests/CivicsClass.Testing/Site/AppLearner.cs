using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Content.Items;
using CivicsClass.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Testing.Site;

/// <summary>A worker of the app: an account made through Identity and a client holding its bearer token.</summary>
public sealed record AppLearner(User User, HttpClient Http) : IDisposable
{
    public const string Password = "xuexi2026";

    public long Id => User.Id;

    public static async Task<AppLearner> CreateAsync(SiteFactory factory, string userName, params string[] roles)
    {
        var user = await FormClient.CreateUserAsync(factory, userName, Password, roles.Length == 0 ? ["Worker"] : roles);
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var learner = new AppLearner(user, http);
        await learner.SignInAsync();
        return learner;
    }

    /// <summary>Signs in and keeps the bearer token, as the app does at first and again once its token has expired.</summary>
    public async Task SignInAsync()
    {
        Http.DefaultRequestHeaders.Authorization = null;
        var login = await Http.PostAsJsonAsync("/api/v1/auth/login", new { phoneOrEmail = User.UserName, password = Password });
        login.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(string path, object? body = null)
    {
        var response = await Http.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<int> BalanceAsync() => (await GetAsync("/api/v1/me/points")).GetProperty("balance").GetInt32();

    public static async Task<ContentItem> LessonAsync(SiteFactory factory, string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync("lessons/" + slug))!;
    }

    public void Dispose() => Http.Dispose();
}
