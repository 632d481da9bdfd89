using System.Net.Sockets;
using CivicsClass.Data.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicsClass.Data.Dialects;

/// <summary>
/// Database errors that say nothing about the statement itself: the server shutting down or starting
/// up, a lost or refused connection, too many connections, a busy SQLite file. Work that is safe to
/// repeat (a read outside any write, or a job's whole claim-and-process unit, which rolled back) is
/// tried again on a fresh connection after a short pause; anything else fails at once.
/// </summary>
public static class TransientFailures
{
    private static readonly TimeSpan[] s_pauses = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(1500)];

    /// <summary>A connection that could not be opened or was lost, as opposed to a mistake in a query or a timeout.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException:
                    return false; // a slow query or an exhausted pool: repeating it only adds load
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "08000" or "08003" or "08006" }:
                    return true; // shutting down, crashed, starting up, too many connections, connection lost
                case PostgresException:
                    return false;
                case NpgsqlException npgsql:
                    return npgsql.InnerException is not TimeoutException && npgsql.IsTransient; // a lost or refused connection
                case SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 }: // busy, locked, disk I/O, cannot open
                case SocketException: // a lost connection is an IOException inside Npgsql's, above; alone it may be a full disk
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs <paramref name="work"/>, and on a transient failure drops the pool's idle connections (after a
    /// server restart they are all dead) and runs it again, up to three more times within about two seconds.
    /// The work must be safe to repeat: it opens its own connection and commits nothing before it can fail.
    /// </summary>
    public static async Task<T> RetryAsync<T>(ISqlDialect dialect, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception exception) when (attempt < s_pauses.Length && !cancellationToken.IsCancellationRequested && IsTransient(exception))
            {
                dialect.DropIdleConnections();
                SiteMetrics.DatabaseRetries.Add(1);
                await Task.Delay(s_pauses[attempt], cancellationToken);
            }
        }
    }
}
