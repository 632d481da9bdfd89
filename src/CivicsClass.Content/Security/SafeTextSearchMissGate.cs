namespace CivicsClass.Content.Security;

/// <summary>The gate where no host knows who is searching: only the text is checked.</summary>
internal sealed class SafeTextSearchMissGate : ISearchMissGate
{
    public ValueTask<bool> AdmitAsync(string query) => ValueTask.FromResult(TextSafety.IsSafeLine(query));
}
