using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace CivicsClass.Testing.Site;

/// <summary>The study panel of a lesson page, driven as its script and its buttons drive it.</summary>
public static partial class StudyPanel
{
    /// <summary>Opens a study session as the study panel's script does once the lesson page has loaded.</summary>
    public static async Task<string> OpenAsync(FormClient worker, string page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/study/sessions")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["lesson"] = Lesson(page), ["__RequestVerificationToken"] = FormClient.Token(page),
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await worker.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("sessionId").GetString()!;
    }

    /// <summary>The lesson the page's study panel is for.</summary>
    public static string Lesson(string page) => LessonPattern().Match(page).Groups[1].Value;

    /// <summary>A form holding only the antiforgery token, as the panel's buttons post it.</summary>
    public static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    [GeneratedRegex("data-study-lesson=\"([^\"]+)\"")]
    private static partial Regex LessonPattern();
}
