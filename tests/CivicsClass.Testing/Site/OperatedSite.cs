using System.Diagnostics;
using CivicsClass.Data.Documents;
using CivicsClass.Accounts;
using CivicsClass.Media.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using CivicsClass.Learning.Points;

namespace CivicsClass.Testing.Site;

/// <summary>
/// A site whose content root is the test's own folder, so its <c>App_Data</c> (media, and the
/// SQLite file) belongs to the test alone; and the operator's commands run against it as processes.
/// </summary>
public static class OperatedSite
{
    /// <summary>The site in this process; its search index is its own unless <paramref name="searchIndex"/> names the folder (that of the site's processes: <c>App_Data/search</c>).</summary>
    public static SiteFactory Start(TestDatabase database, bool seeds, string? searchIndex = null) => new(database, new Dictionary<string, string?>
    {
        ["contentRoot"] = database.Directory,
        ["Setup:Recipe"] = RepositoryPaths.Recipe,
        ["Setup:Seeds"] = RepositoryPaths.Seeds,
        ["Setup:ImportSeeds"] = seeds ? "true" : "false",
    }.Concat(searchIndex is null ? [] : [new KeyValuePair<string, string?>("Search:IndexPath", searchIndex)]).ToDictionary());

    /// <summary>Where the site's processes keep their search index.</summary>
    public static string ProcessSearchIndex(TestDatabase database) => Path.Combine(database.Directory, "App_Data", "search");

    /// <summary>A seeded site with a worker, a few ledger entries (one reversed) and uploaded files; stopped again when it returns.</summary>
    public static async Task FillAsync(TestDatabase database, bool seeds = true)
    {
        await using var factory = Start(database, seeds);
        factory.CreateClient().Dispose();
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = new User { UserName = "13800000001", DisplayName = "测试职工", Roles = ["Worker"], CreatedUtc = DateTime.UtcNow };
        await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>().CreateAsync(user, "xuexi2026");
        var rule = new PointsRule { Name = "StudyText", DisplayName = "学习图文课", Points = 2 };
        var ledger = services.GetRequiredService<PointsLedger>();
        var first = await ledger.AwardAsync(rule, new Award(user.Id, rule.Name, "lesson-a", "backup-1", 2));
        await ledger.AwardAsync(rule, new Award(user.Id, rule.Name, "lesson-b", "backup-2", 5));
        await ledger.ReverseAsync(first.EntryId, "测试冲正", rule);
        await services.GetRequiredService<ISession>().SaveChangesAsync();

        await services.GetRequiredService<IMediaStore>().SaveAsync(new MemoryStream(Png), ".png");
        var nested = Path.Combine(database.Directory, "App_Data", "media", "2026", "11");
        Directory.CreateDirectory(nested);
        await File.WriteAllBytesAsync(Path.Combine(nested, "cover.jpg"), [0xFF, 0xD8, 0xFF, 1, 2, 3, 4]);
    }

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];

    /// <summary>The database and the media folder gone, as after losing the machine (the database itself is made again, empty).</summary>
    public static async Task WipeAsync(TestDatabase database)
    {
        if (database.Options.Provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString).Database;
            await using var server = new NpgsqlConnection(Postgres.ServerConnectionString);
            await server.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
            await server.ExecuteAsync($"CREATE DATABASE {name}");
        }

        Directory.Delete(Path.Combine(database.Directory, "App_Data", "media"), recursive: true);
    }

    /// <summary>The site as its own process on the test's database and folder, with more settings as environment variables (<c>Setup__Seeds</c>).</summary>
    public static ProcessStartInfo Process(TestDatabase database, IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = database.Directory };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = database.Options.Provider;
        start.Environment["Database__ConnectionString"] = database.Options.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_CONTENTROOT"] = database.Directory;
        // These sites are about storage, search and shutdown: narrating the seeded lessons would only
        // compete for the processor (narration is tested on its own, with jobs on).
        start.Environment["Forms__RunJobs"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>
    /// Runs the site as its own process and kills it with SIGKILL (no shutdown, no finally blocks) as soon
    /// as <paramref name="underWay"/> says its work is far enough along; throws when that is not seen in time.
    /// </summary>
    public static async Task KillWhenAsync(ProcessStartInfo start, Func<Task<bool>> underWay)
    {
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        try
        {
            while (deadline.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
            {
                if (await underWay())
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return;
                }

                await Task.Delay(10);
            }

            throw new InvalidOperationException(process.HasExited
                ? $"The process finished (exit code {process.ExitCode}) before it was caught in the middle of its work: {await output}{await error}"
                : "The process was never caught in the middle of its work.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(Process(database, null, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
