using System.Diagnostics;
using Npgsql;

namespace CivicsClass.Operations.Backups;

/// <summary>
/// Runs <c>pg_dump</c> and <c>pg_restore</c> (Debian's <c>postgresql-client</c>) against the site's
/// database. The connection comes from the site's connection string; the password goes in
/// <c>PGPASSWORD</c>, never on the command line where other users of the machine could read it.
/// </summary>
internal static class PostgresClientTools
{
    /// <summary>A custom-format dump of the whole database as of <paramref name="snapshot"/>.</summary>
    public static Task DumpAsync(string connectionString, string file, string snapshot, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--snapshot=" + snapshot, "--file=" + file], cancellationToken);

    /// <summary>Replaces what the dump holds, in one transaction: an error leaves the database as it was.</summary>
    public static Task RestoreAsync(string connectionString, string file, CancellationToken cancellationToken) =>
        RunAsync("pg_restore", connectionString, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], cancellationToken);

    private static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add("--host=" + (connection.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + connection.Port);
        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add("--username=" + connection.Username);
        }

        start.ArgumentList.Add("--dbname=" + connection.Database);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        if (connection.SslMode is not SslMode.Prefer)
        {
            start.Environment["PGSSLMODE"] = connection.SslMode switch
            {
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                var mode => mode.ToString().ToLowerInvariant(),
            };
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new OperationException(
                $"找不到 {tool}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）。",
                $"{tool} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client).");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                var message = (await error + await output).Trim();
                throw new OperationException($"{tool} 失败（退出码 {process.ExitCode}）：{message}", $"{tool} failed (exit code {process.ExitCode}): {message}");
            }
        }
    }
}
