using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CivicsClass.Testing;
using Dapper;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>
/// PostgreSQL stopped and started again under a light load of workers opening lessons, on a server of
/// the test's own. While it is down the site answers 503 rather than failing; once it is back the
/// site serves again by itself, and every write it acknowledged is there.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int Workers = 4;

    [SkippableTheory]
    [InlineData("immediate")] // the server crashes: recovery replays the write-ahead log
    [InlineData("fast")] // an operator restarts it
    public async Task DatabaseStoppedAndStartedUnderLoad_AcknowledgedWritesKept_SiteRecoversWithoutRestart(string mode)
    {
        var server = await PrivatePostgres.StartAsync();
        await using var database = server.Database();
        await using var factory = new SiteFactory(database);
        var lessons = new[]
        {
            (await AppLearner.LessonAsync(factory, "erqi-strike-1923")).ContentItemId,
            (await AppLearner.LessonAsync(factory, "anyuan-great-strike-1922")).ContentItemId,
        };
        var workers = new List<AppLearner>();
        for (var i = 0; i < Workers; i++)
        {
            workers.Add(await AppLearner.CreateAsync(factory, $"1390000{i:0000}"));
        }

        var acknowledged = new ConcurrentBag<string>();
        var answers = new ConcurrentBag<(string Phase, HttpStatusCode Status, string Body)>();
        var phase = "before";
        using var stop = new CancellationTokenSource();
        var load = workers.Select((worker, w) => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var current = phase;
                var (response, body) = await worker.PostAsync("/api/v1/study/sessions", new { contentItemId = lessons[(w + n) % lessons.Length] });
                answers.Add((current, response.StatusCode, body.ValueKind == default ? "" : body.ToString()));
                if (Acknowledged(response.StatusCode))
                {
                    acknowledged.Add(body.GetProperty("sessionId").GetString()!);
                }

                await Task.Delay(25);
            }
        })).ToList();

        await Task.Delay(1500);
        phase = "down";
        await server.StopServerAsync(mode);
        await Task.Delay(4000); // longer than a read's retries (about 2 s), so some requests give up with a 503
        var downSeen = answers.Count(a => a.Phase == "down");
        await server.StartServerAsync();
        phase = "back";
        var recovered = Stopwatch.StartNew();
        using (var reader = factory.CreateClient())
        {
            while ((await reader.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(recovered.Elapsed < TimeSpan.FromSeconds(20), "the site did not recover within 20 s of the database's return");
                await Task.Delay(100);
            }
        }

        var recoveredIn = recovered.Elapsed;
        // Writes go on being acknowledged; how fast depends on what else the machine runs, so the load runs until they have (or 15 s).
        var after = Stopwatch.StartNew();
        while (answers.Count(a => a.Phase == "back" && Acknowledged(a.Status)) < Workers * 5 && after.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        stop.Cancel();
        await Task.WhenAll(load);
        workers.ForEach(w => w.Dispose());

        // Nothing but an acknowledgement or a 503 with the Chinese message was ever answered.
        Assert.All(answers, a => Assert.True(Acknowledged(a.Status) || a.Status == HttpStatusCode.ServiceUnavailable, $"{a.Phase}: {(int)a.Status} {a.Body}"));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.Contains("数据库暂时无法连接", a.Body));
        Assert.True(downSeen > 0 && answers.Any(a => a.Phase == "down" && a.Status == HttpStatusCode.ServiceUnavailable), "no request met the stopped database");
        Assert.Contains(answers, a => a.Phase == "before" && Acknowledged(a.Status));
        // After the return every worker's writes are acknowledged again, without a restart of the site.
        var lastAnswers = answers.Where(a => a.Phase == "back").ToList();
        Assert.True(lastAnswers.Count(a => Acknowledged(a.Status)) >= Workers * 5, $"{lastAnswers.Count(a => Acknowledged(a.Status))} writes after the return");

        await using var connection = new NpgsqlConnection(server.ConnectionString + ";Pooling=false");
        var stored = (await connection.QueryAsync<string>("SELECT id FROM study_session")).ToHashSet();
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        output.WriteLine($"{mode}: {acknowledged.Count} writes acknowledged, {answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503, ready again {recoveredIn.TotalMilliseconds:0} ms after the database started");
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes are missing");
    }

    /// <summary>A session opened (201), or the open one on the same lesson resumed (200, when a worker's cycle comes back to it): both are writes the site acknowledged.</summary>
    private static bool Acknowledged(HttpStatusCode status) => status is HttpStatusCode.Created or HttpStatusCode.OK;
}
