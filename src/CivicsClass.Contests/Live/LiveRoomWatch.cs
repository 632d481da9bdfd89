namespace CivicsClass.Contests.Live;

/// <summary>One room as this node last read it, and a signal that fires when it changes; shared by the room's streams on this node.</summary>
internal sealed class LiveRoomWatch
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Subscribers { get; set; }

    public (string? Json, DateTime? Deadline, Task Changed) Current
    {
        get
        {
            lock (_lock)
            {
                return (Json, Deadline, _changed.Task);
            }
        }
    }

    private string? Json { get; set; }

    private DateTime? Deadline { get; set; }

    /// <summary>Keeps the room's new state and wakes every stream waiting for it; the same state again wakes no one.</summary>
    public void Publish(string json, DateTime? deadline)
    {
        TaskCompletionSource woken;
        lock (_lock)
        {
            if (json == Json)
            {
                return;
            }

            (Json, Deadline, woken) = (json, deadline, _changed);
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.SetResult();
    }
}
