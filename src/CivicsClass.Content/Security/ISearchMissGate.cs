namespace CivicsClass.Content.Security;

/// <summary>
/// Decides whether a search that found nothing is kept in the log editors read. The log is written by
/// whoever searches, anonymous visitors included, so what it holds is filtered and its growth capped.
/// </summary>
public interface ISearchMissGate
{
    /// <summary>Whether <paramref name="query"/> (as cleaned for the log) may be recorded now.</summary>
    ValueTask<bool> AdmitAsync(string query);
}
