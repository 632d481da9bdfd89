using System.Text.RegularExpressions;
using CivicsClass.Content.Seeds;
using CivicsClass.Content.Taxonomies;

namespace CivicsClass.Testing.Site;

/// <summary>People of every role on one seeded site, and the form a lecturer fills in for a lesson.</summary>
public static partial class AdminPeople
{
    public const string Password = "jiangke2025";

    public static readonly string LecturerWang = SeedIds.For("Lecturer", "wang-haitao");
    public static readonly string VenueId = SeedIds.For("Venue", "anyuan-memorial");
    public static readonly string ThemeModelWorker = TaxonomyService.TermId("Theme", "劳模精神");

    /// <summary>Creates an account per role, with names unique to the caller so tests on one site do not meet.</summary>
    public static async Task<Dictionary<string, FormClient>> SignInAsync(SiteFactory factory, string tag, params string[] roles)
    {
        var clients = new Dictionary<string, FormClient>();
        foreach (var role in roles)
        {
            var name = $"{role.ToLowerInvariant()}.{tag}@example.cn";
            if (role == "Anonymous")
            {
                clients[role] = FormClient.For(factory);
                continue;
            }

            await FormClient.CreateUserAsync(factory, name, Password, role);
            clients[role] = await FormClient.SignedInAsync(factory, name, Password);
        }

        return clients;
    }

    public static List<KeyValuePair<string, string>> LessonForm(string title, string slug, string command, string? lecturer = null, string body = "## 第一部分\n\n劳模精神的内涵。")
    {
        return
        [
            new("Title", title),
            new("Slug", slug),
            new("Summary", "一节关于劳模精神的短课。"),
            new("F.Lecturer", lecturer ?? LecturerWang),
            new("F.Themes", ThemeModelWorker),
            new("F.Format", "图文"),
            new("F.Duration", "6"),
            new("Markdown", body),
            new("Quiz[0].Question", "劳模精神的核心是什么？"),
            new("Quiz[0].Options", "爱岗敬业、争创一流\n投机取巧"),
            new("Quiz[0].Answer", "1"),
            new("Quiz[0].Explanation", "爱岗敬业、争创一流是劳模精神的内涵之一。"),
            new("command", command),
        ];
    }

    /// <summary>The id in the address an editor form redirected to.</summary>
    public static string IdFromRedirect(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"no redirect: {(int)response.StatusCode}");
        return location[(location.LastIndexOf('/') + 1)..];
    }

    /// <summary>The editor's hidden concurrency fields, as a form post must send them back.</summary>
    public static List<KeyValuePair<string, string>> WithVersion(string editorPage, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("versionId", VersionIdPattern().Match(editorPage).Groups[1].Value));
        fields.Add(new("version", VersionPattern().Match(editorPage).Groups[1].Value));
        return fields;
    }

    /// <summary>The version an editor page shows (the editor's concurrency field, the review page's reviewed version).</summary>
    public static string VersionIdOf(string page) => VersionIdPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"versionId\" value=\"([^\"]*)\"")]
    private static partial Regex VersionIdPattern();

    [GeneratedRegex("name=\"version\" value=\"([^\"]*)\"")]
    private static partial Regex VersionPattern();
}
