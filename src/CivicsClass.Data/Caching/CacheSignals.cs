using System.Collections.Concurrent;
using CivicsClass.Data.Dialects;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicsClass.Data.Caching;

/// <summary>
/// Tells every node that a cache is stale. Caches subscribe by name. Clearing one clears it here at
/// once and, on PostgreSQL, reaches the other nodes through <c>NOTIFY</c> on one channel (on SQLite
/// there is one node and nothing to send). Call it after the change commits, so another node that
/// hears of it reads the new rows. Caches also expire on their own, which bounds how stale a node can
/// be when a message is lost; a node whose listening connection broke clears everything once it is
/// back, since it may have missed messages meanwhile.
/// </summary>
public sealed class CacheSignals(ISqlDialect dialect, ILogger<CacheSignals> logger)
{
    public const string Channel = "civics_cache";

    /// <summary>Every subscriber, whatever its name: sent after a node lost messages.</summary>
    public const string All = "*";

    private readonly ConcurrentDictionary<string, List<Action>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>This node's name in messages, so it ignores the echo of its own.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N")[..12];

    public void Subscribe(string name, Action clear)
    {
        var list = _subscribers.GetOrAdd(name, _ => []);
        lock (list)
        {
            list.Add(clear);
        }
    }

    /// <summary>Clears the named cache on this node now and tells the others; a failure to tell them is logged, not thrown.</summary>
    public async Task ClearAsync(string name)
    {
        Raise(name);
        if (dialect is not PostgresDialect)
        {
            return;
        }

        try
        {
            await using var connection = await dialect.OpenConnectionAsync();
            await connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = Channel, payload = $"{Node}:{name}" });
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not tell the other nodes to clear {Cache}; their copies expire on their own", name);
        }
    }

    /// <summary>A message from the channel: <c>node:name</c>.</summary>
    internal void Received(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && payload[..colon] != Node)
        {
            Raise(payload[(colon + 1)..]);
        }
    }

    internal void Raise(string name)
    {
        foreach (var (key, list) in _subscribers)
        {
            if (name != All && key != name)
            {
                continue;
            }

            Action[] handlers;
            lock (list)
            {
                handlers = [.. list];
            }

            foreach (var clear in handlers)
            {
                try
                {
                    clear();
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Clearing cache {Cache} failed", key);
                }
            }
        }
    }
}

/// <summary>Listens on PostgreSQL for other nodes' cache messages, reconnecting with back-off when the connection breaks.</summary>
public sealed class CacheSignalListener(ISqlDialect dialect, CacheSignals signals, ILogger<CacheSignalListener> logger) : BackgroundService
{
    /// <summary>Set once the first LISTEN is in place; tests wait on it before expecting messages.</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (dialect is not PostgresDialect)
        {
            _listening.TrySetResult();
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await dialect.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => signals.Received(e.Payload);
                await connection.ExecuteAsync($"LISTEN {CacheSignals.Channel}");
                if (lost)
                {
                    signals.Raise(CacheSignals.All);
                    logger.LogInformation("Listening for cache messages again; cleared every cache in case some were missed");
                }

                _listening.TrySetResult();
                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                lost = true;
                logger.LogWarning(e, "Lost the cache message connection; trying again in {Delay}", delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }
}
