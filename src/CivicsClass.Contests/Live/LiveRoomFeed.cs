using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Contests.Live;

/// <summary>
/// Streams a room's state to the screens this node serves. The state lives in the database, so any node
/// can serve any screen: while a room has streams here, one loop per room reads it every
/// <see cref="PollEvery"/> and wakes the streams when it changed — one query per room and node, however
/// many phones are connected. Each message carries the milliseconds left on the question as this
/// server counts them, so screens count down together whatever their own clocks say.
/// </summary>
internal sealed class LiveRoomFeed(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<LiveRoomFeed> log)
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(300);

    /// <summary>How often a quiet stream is sent the state again, so proxies keep it open and late screens resynchronise.</summary>
    public static readonly TimeSpan Resend = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LiveRoomWatch> _rooms = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<string> WatchAsync(string roomId, [EnumeratorCancellation] CancellationToken cancel)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, lifetime.ApplicationStopping);
        var stop = linked.Token;
        var watch = Subscribe(roomId);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var (json, deadline, changed) = watch.Current;
                if (json is not null)
                {
                    yield return WithTimeLeft(json, deadline);
                }

                await WaitAsync(changed, stop);
            }
        }
        finally
        {
            lock (_lock)
            {
                watch.Subscribers--;
            }
        }
    }

    /// <summary>Until the room changes, <see cref="Resend"/> passes or the stream ends; never throws.</summary>
    private static async Task WaitAsync(Task changed, CancellationToken stop)
    {
        try
        {
            await changed.WaitAsync(Resend, stop);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Send the state again, or stop when the stream is over.
        }
    }

    private LiveRoomWatch Subscribe(string roomId)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var watch))
            {
                watch = new LiveRoomWatch();
                _rooms[roomId] = watch;
                _ = Task.Run(() => PollAsync(roomId, watch));
            }

            watch.Subscribers++;
            return watch;
        }
    }

    private async Task PollAsync(string roomId, LiveRoomWatch watch)
    {
        while (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            lock (_lock)
            {
                if (watch.Subscribers == 0)
                {
                    _rooms.Remove(roomId);
                    return;
                }
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<LiveFinalService>().SnapshotAsync(roomId) is { } snapshot)
                {
                    watch.Publish(JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web), snapshot.Deadline);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A lost connection or a restarting database: the screens keep the last state and the next read catches up.
                log.LogWarning(e, "Reading live room {Room} failed", roomId);
            }

            try
            {
                // Real time, whatever clock the site keeps: this is how often the database is read, not a rule of the final.
                await Task.Delay(PollEvery, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private string WithTimeLeft(string json, DateTime? deadline)
    {
        var left = deadline is { } d ? Math.Max(0, (long)(d - clock.GetUtcNow().UtcDateTime).TotalMilliseconds) : 0;
        return "{\"msLeft\":" + left.ToString(CultureInfo.InvariantCulture) + "," + json[1..];
    }
}
