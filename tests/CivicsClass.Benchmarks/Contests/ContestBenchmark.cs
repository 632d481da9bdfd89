using System.Collections.Concurrent;
using System.Diagnostics;
using CivicsClass.Content.Recipes;
using CivicsClass.Contests;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Rankings;
using CivicsClass.Contests.Rounds;
using CivicsClass.Benchmarks.Points;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Benchmarks.Contests;

/// <summary>
/// A contest under load, through the real services, one unit of work per call as a request makes it:
/// N participants (2 000) start a round at once, then all answer their ten questions at once and
/// finish, with at most --connections calls in flight (the pool's size), each latency timed from the
/// moment the participant asked, waiting included. The ceiling is the bare insert of an answer row
/// with the same concurrency. Then the standings of ~10 000 organisations (a national tree,
/// 20 members each, half of them entrants) are recomputed from scratch, with the memory it takes.
/// </summary>
internal static class ContestBenchmark
{
    /// <summary>The last timed run's figures for the time calls held a slot, printed beside its latency.</summary>
    private static string s_slot = "";

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        if (options.Part == "http")
        {
            return await ContestHttpBenchmark.RunAsync(options);
        }

        var participants = options.Users == 1_000_000 ? 2_000 : options.Users;
        Console.WriteLine($"contests: {participants:N0} participants, {options.Connections} calls in flight, {options.Items:N0} organisations");
        await using (var sqlite = await BenchmarkSite.SqliteAsync(Compose))
        {
            await RunOnAsync("SQLite", sqlite, participants, options);
        }

        if (options.Postgres is { } server && !options.SqliteOnly)
        {
            await using var postgres = await BenchmarkSite.PostgresAsync(server, Compose);
            await RunOnAsync("PostgreSQL", postgres, participants, options);
        }

        return 0;
    }

    private static void Compose(IServiceCollection services) => services.AddContests(new ConfigurationBuilder().Build());

    private static async Task RunOnAsync(string name, BenchmarkSite site, int participants, BenchmarkOptions options)
    {
        Console.WriteLine($"{name}:");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
        }

        var contestId = await ContestSeed.ContestAsync(site.Services);
        var gate = new SemaphoreSlim(options.Connections);
        var rounds = new ConcurrentDictionary<long, ContestRound>();
        var start = await TimedAsync(participants, gate, async user =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            var contest = (await scope.ServiceProvider.GetRequiredService<ContestDirectory>().GetAsync(contestId))!;
            var (round, _) = await scope.ServiceProvider.GetRequiredService<RoundService>().StartAsync(contest, user + 1);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
            rounds[user + 1] = round!.Round;
        });
        Console.WriteLine($"  start a round       {start}{s_slot}");

        var answer = await TimedAsync(participants * 10, gate, async call =>
        {
            var (user, number) = (call % participants + 1, (int)(call / participants) + 1);
            var round = rounds[user];
            await using var scope = site.Services.CreateAsyncScope();
            var refusal = await scope.ServiceProvider.GetRequiredService<RoundService>().AnswerAsync(round.Id, user, number, round.Questions[number - 1].Answer);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
            if (refusal is not null)
            {
                throw new InvalidOperationException(refusal.Message);
            }
        });
        Console.WriteLine($"  answer a question   {answer}{s_slot}");

        var ceiling = await TimedAsync(participants * 10, gate, async call =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var (connection, transaction) = await session.BeginWriteAsync();
            await connection.ExecuteAsync("INSERT INTO contest_answer (round_id, position, chosen, answered_utc) VALUES (@round, @position, 0, @now)",
                new { round = $"ceiling-{call % participants}", position = (int)(call / participants) + 1, now = DateTime.UtcNow }, transaction);
            await session.SaveChangesAsync();
        });
        Console.WriteLine($"  ceiling: bare insert{ceiling}{s_slot}   answer/ceiling {answer.PerSecond / ceiling.PerSecond:P0}");

        var finish = await TimedAsync(participants, gate, async user =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            var contest = (await scope.ServiceProvider.GetRequiredService<ContestDirectory>().GetAsync(contestId))!;
            var (result, _) = await scope.ServiceProvider.GetRequiredService<RoundService>().FinishAsync(contest, rounds[user + 1].Id, user + 1);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
            if (result?.Correct != 10)
            {
                throw new InvalidOperationException("a round was graded wrongly");
            }
        });
        Console.WriteLine($"  finish (grade, pay) {finish}{s_slot}   {Measure.PeakMemory()}");

        var (organisations, members, entrants) = await ContestSeed.OrganisationsAsync(site.Services, contestId, options.Items);
        Console.WriteLine($"  standings: {organisations:N0} organisations, {members:N0} members, {entrants:N0} entrants");
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < 5; i++)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var contest = (await scope.ServiceProvider.GetRequiredService<ContestDirectory>().GetAsync(contestId))!;
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var rows = await scope.ServiceProvider.GetRequiredService<StandingsReader>().CountGroupsAsync(contest, GroupKind.Organisation);
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (rows.Count < organisations)
            {
                throw new InvalidOperationException($"{rows.Count} organisations ranked of {organisations}");
            }
        }

        Console.WriteLine($"  recompute standings  best {times.Min(),7:F0} ms  worst {times.Max(),7:F0} ms  allocated {allocated >> 20} MB per recompute   {Measure.PeakMemory()}");
    }

    /// <summary>
    /// Runs <paramref name="calls"/> calls at once, at most the gate's count in flight; latency is from asking to done,
    /// and the time each call held a slot (the request's own cost, without the queue) is printed beside it.
    /// </summary>
    private static async Task<Figures> TimedAsync(int calls, SemaphoreSlim gate, Func<long, Task> call)
    {
        var held = new double[calls];
        ThreadPool.GetMinThreads(out var threads, out var io);
        ThreadPool.SetMinThreads(Math.Max(threads, 64), io);
        var latencies = new double[calls];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, calls).Select(i => Task.Run(async () =>
        {
            var asked = Stopwatch.GetTimestamp();
            await gate.WaitAsync();
            var entered = Stopwatch.GetTimestamp();
            try
            {
                await call(i);
            }
            finally
            {
                held[i] = Stopwatch.GetElapsedTime(entered).TotalMilliseconds;
                gate.Release();
            }

            latencies[i] = Stopwatch.GetElapsedTime(asked).TotalMilliseconds;
        })));
        total.Stop();
        Array.Sort(latencies);
        Array.Sort(held);
        s_slot = $"   in a slot: p50 {held[calls / 2]:F1} ms, p99 {held[Math.Min(calls - 1, (int)(calls * 0.99))]:F1} ms";
        return new Figures(calls / total.Elapsed.TotalSeconds, latencies[calls / 2], latencies[Math.Min(calls - 1, (int)(calls * 0.99))]);
    }
}
