using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CivicsClass.Accounts.SignIn;

/// <summary>
/// Each sign-in cookie names a session row in the database; signing out ends the row, so a copy of the
/// cookie stops working at once, on every node, while the person's other devices stay signed in.
/// Starting and ending a session commit the request's unit of work, which holds nothing else then.
/// </summary>
internal sealed class SignInSessions(ISession session, TimeProvider clock)
{
    /// <summary>Where the session id travels: in the cookie's properties, which a refreshed sign-in keeps.</summary>
    public const string PropertyName = "civics.session";

    private static readonly object CurrentKey = new();

    // Ended rows are kept a while for no one; rows this old belong to cookies long expired.
    private static readonly TimeSpan Kept = TimeSpan.FromDays(400);

    /// <summary>Starts a session for a new cookie; a refreshed sign-in keeps the session it had.</summary>
    public static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Properties.Items.ContainsKey(PropertyName) || context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        context.Properties.Items[PropertyName] = await sessions.StartAsync(userId);
    }

    /// <summary>A cookie whose session was ended, or that names none, signs nobody in.</summary>
    public static async Task<bool> ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (context.Properties.Items.TryGetValue(PropertyName, out var id) && id is not null && await sessions.IsActiveAsync(id))
        {
            context.HttpContext.Items[CurrentKey] = id;
            return true;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
        return false;
    }

    public static async Task OnSigningOutAsync(CookieSigningOutContext context)
    {
        if (context.HttpContext.Items[CurrentKey] is string id)
        {
            await context.HttpContext.RequestServices.GetRequiredService<SignInSessions>().EndAsync(id);
            context.HttpContext.Items.Remove(CurrentKey);
        }
    }

    public async Task<string> StartAsync(string userId)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM sign_in_session WHERE user_id = @userId AND (ended_ms IS NOT NULL OR started_ms < @old)",
            new { userId, old = now - (long)Kept.TotalMilliseconds }, transaction);
        await connection.ExecuteAsync("INSERT INTO sign_in_session (id, user_id, started_ms) VALUES (@id, @userId, @now)", new { id, userId, now }, transaction);
        await session.SaveChangesAsync();
        return id;
    }

    public async Task<bool> IsActiveAsync(string id)
    {
        return await session.ReadAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sign_in_session WHERE id = @id AND ended_ms IS NULL", new { id }, transaction)) > 0;
    }

    public async Task EndAsync(string id)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE sign_in_session SET ended_ms = @now WHERE id = @id", new { id, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, transaction);
        await session.SaveChangesAsync();
    }
}
