using System.Net;
using CivicsClass.Content.Seeds;
using CivicsClass.Testing;
using CivicsClass.Web.Tests.Admin;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

/// <summary>
/// A live final over real HTTP on both databases: only those allowed to run finals open a room, push a
/// question or see the projector; the room's stream is refused to people who neither joined nor run it,
/// and streams server-sent events to those who do.
/// </summary>
public abstract class LiveFinalAuthorizationTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private static readonly string s_contest = SeedIds.For("Contest", "gongyun-bainian-zhishi-jingsai");

    [SkippableFact]
    public async Task OnlyEditorsOpenAdvanceAndProject_AndTheStreamIsForPlayersAndEditors()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "live-final", "Anonymous", "Worker", "Editor");
        var (anonymous, worker, editor) = (people["Anonymous"], people["Worker"], people["Editor"]);
        var workerToken = FormClient.Token(await worker.GetStringAsync("/account/profile"));
        var open = new Dictionary<string, string>
        {
            ["teamIds"] = Term("北京市总工会"), ["questions"] = "3", ["seconds"] = "20",
        };

        var workerSees = await worker.Http.GetAsync($"/admin/contests/{s_contest}/live");
        var workerOpens = await worker.Http.PostAsync($"/admin/contests/{s_contest}/live/open",
            new FormUrlEncodedContent(open.Append(new("__RequestVerificationToken", workerToken))));
        var oneTeam = await editor.PostAsync($"/admin/contests/{s_contest}/live", $"/admin/contests/{s_contest}/live/open", open);
        var opened = await editor.PostAsync($"/admin/contests/{s_contest}/live", $"/admin/contests/{s_contest}/live/open",
            open.Select(f => f).Append(new("teamIds", Term("上海市总工会"))));
        var room = opened.Headers.Location!.OriginalString.Split('/')[^1];
        var workerPushes = await worker.Http.PostAsync($"/admin/live-finals/{room}/next",
            new FormUrlEncodedContent([new("position", "0"), new("__RequestVerificationToken", workerToken)]));
        var workerProjects = await worker.Http.GetAsync($"/contests/live/{room}/projector");
        var workerListens = await worker.Http.GetAsync($"/contests/live/{room}/events", HttpCompletionOption.ResponseHeadersRead);
        var anonymousListens = await anonymous.Http.GetAsync($"/contests/live/{room}/events", HttpCompletionOption.ResponseHeadersRead);
        var withoutToken = await worker.PostWithoutTokenAsync($"/contests/live/{room}/answers", new() { ["number"] = "1", ["option"] = "0" });
        var editorPushes = await editor.PostAsync($"/admin/live-finals/{room}", $"/admin/live-finals/{room}/next", new() { ["position"] = "0" });
        var controls = await editor.GetStringAsync($"/admin/live-finals/{room}");
        var projector = await editor.GetStringAsync($"/contests/live/{room}/projector");
        var first = await FirstEventAsync(editor, room);

        Assert.Equal(HttpStatusCode.Forbidden, workerSees.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerOpens.StatusCode);
        Assert.Contains("/admin/contests/", oneTeam.Headers.Location?.OriginalString, StringComparison.Ordinal); // one team is refused back to the form
        Assert.StartsWith("/admin/live-finals/", opened.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, workerPushes.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerProjects.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerListens.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymousListens.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, editorPushes.StatusCode);
        Assert.Contains("第 1/3 题作答中", controls, StringComparison.Ordinal);
        Assert.Contains($"/contests/live/{room}", projector, StringComparison.Ordinal);
        Assert.Equal("text/event-stream", first.ContentType);
        Assert.Contains("event: room", first.Text, StringComparison.Ordinal);
        Assert.Contains("\"stage\":\"question\"", first.Text, StringComparison.Ordinal);
        Assert.Contains("\"number\":1", first.Text, StringComparison.Ordinal);
        Assert.Contains("\"answer\":null", first.Text, StringComparison.Ordinal); // the right option stays on the server while the question is open
    }

    private static string Term(string name) => Content.Taxonomies.TaxonomyService.TermId("Organisation", name);

    /// <summary>Opens the room's stream and reads until its first event is complete.</summary>
    private static async Task<(string? ContentType, string Text)> FirstEventAsync(FormClient client, string room)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await client.Http.GetAsync($"/contests/live/{room}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        using var reader = new StreamReader(stream);
        var text = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Length == 0 && text.Length > 0)
            {
                break;
            }

            text.AppendLine(line);
        }

        return (response.Content.Headers.ContentType?.MediaType, text.ToString());
    }
}

public sealed class SqliteLiveFinalAuthorizationTests(SiteHost<Sqlite> host) : LiveFinalAuthorizationTests<Sqlite>(host);

public sealed class PostgresLiveFinalAuthorizationTests(SiteHost<Postgres> host) : LiveFinalAuthorizationTests<Postgres>(host);
