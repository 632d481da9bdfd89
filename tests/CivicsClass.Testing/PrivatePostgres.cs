using System.Diagnostics;
using CivicsClass.Data;
using Npgsql;
using Xunit;

namespace CivicsClass.Testing;

/// <summary>
/// A PostgreSQL server of the test's own, on a free loopback port, for tests that stop and start the
/// server (the shared one from <c>./test.sh</c> serves every other test). It is made with the same
/// Debian binaries; as root they run as the <c>postgres</c> user, as PostgreSQL refuses root. It keeps
/// PostgreSQL's default durability settings, since what such tests check is what survives a stop.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly int _port;

    private PrivatePostgres(string bin, string data, int port)
    {
        _bin = bin;
        _data = data;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=civics;Database=postgres;Maximum Pool Size=20;Timeout=5";

    /// <summary>Makes and starts a server; skips the test without PostgreSQL's binaries, unless PostgreSQL tests are required.</summary>
    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0).LastOrDefault()
            : null;
        if (bin is null)
        {
            if (Environment.GetEnvironmentVariable(Postgres.RequireVariable) == "1")
            {
                throw new InvalidOperationException($"PostgreSQL's binaries are missing but {Postgres.RequireVariable}=1.");
            }

            Skip.If(true, "PostgreSQL's binaries are not installed.");
        }

        var data = Path.Combine(TempDirectory.Create(), "pgdata");
        Directory.CreateDirectory(data);
        if (IsRoot)
        {
            await RunAsync("chown", "-R", "postgres", Path.GetDirectoryName(data)!);
        }

        var server = new PrivatePostgres(bin!, data, LoopbackPort.Free());
        await server.RunPgAsync("initdb", "-D", data, "-U", "civics", "--auth=trust", "-E", "UTF8", "--no-locale");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Starts the stopped server again, waiting until it accepts connections.</summary>
    public Task StartServerAsync() => RunPgAsync("pg_ctl", "-D", _data, "-w", "-l", Path.Combine(_data, "server.log"),
        "-o", $"-p {_port} -k {_data} -c listen_addresses=127.0.0.1 -c max_connections=100", "start");

    /// <summary>
    /// Stops the server. <c>immediate</c> is a crash as far as the data is concerned (no checkpoint; recovery replays the
    /// write-ahead log at the next start); <c>fast</c> is an operator's orderly restart. Both end every connection at once.
    /// </summary>
    public Task StopServerAsync(string mode = "immediate") => RunPgAsync("pg_ctl", "-D", _data, "-w", "-m", mode, "stop");

    /// <summary>A site's database on this server, removed with it.</summary>
    public TestDatabase Database() => new(
        new DatabaseOptions { Provider = "Postgres", ConnectionString = ConnectionString },
        TempDirectory.Create(),
        async () => await DisposeAsync());

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            await RunPgAsync("pg_ctl", "-D", _data, "-w", "-m", "immediate", "stop");
        }

        try
        {
            Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunPgAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments]) : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
