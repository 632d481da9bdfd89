using CivicsClass.Content.Security;

namespace CivicsClass.Web.Site;

/// <summary>
/// Keeps the search-miss log editors read: its text is checked as every text others read is, and an
/// anonymous visitor's address may add only a few entries a day, so nobody can fill the log from outside.
/// </summary>
public sealed class VisitorSearchMissGate(IHttpContextAccessor http, SearchMissAllowance allowance) : ISearchMissGate
{
    public ValueTask<bool> AdmitAsync(string query)
    {
        if (!TextSafety.IsSafeLine(query))
        {
            return ValueTask.FromResult(false);
        }

        var context = http.HttpContext;
        var admitted = context is null || context.User.Identity?.IsAuthenticated == true || allowance.TryTake(context.Connection.RemoteIpAddress);
        return ValueTask.FromResult(admitted);
    }
}
