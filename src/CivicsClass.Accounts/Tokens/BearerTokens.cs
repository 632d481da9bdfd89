using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts.Tokens;

/// <summary>
/// The app's tokens: a short-lived access token, refused as soon as the person's security stamp changes,
/// and a refresh token that can be used once. Each refresh hands out a new pair in the same family; a
/// refresh token used a second time means it was copied, so the whole family is ended.
/// </summary>
internal sealed class BearerTokens(IOptionsMonitor<BearerTokenOptions> options, SignInManager<User> signIn, ISession session, TimeProvider clock)
{
    private const string RefreshIdProperty = "civics.refresh";

    public async Task<AccessTokenResponse> IssueAsync(User user) => await IssueAsync(user, family: null);

    /// <summary>A new pair for the refresh token's owner, or null when the token is forged, expired, used before, or the person's stamp has changed.</summary>
    public async Task<AccessTokenResponse?> RefreshAsync(string? refreshToken)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var ticket = string.IsNullOrEmpty(refreshToken) ? null : bearer.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || !ticket.Properties.Items.TryGetValue(RefreshIdProperty, out var id) || id is null)
        {
            return null;
        }

        if (await UseAsync(id) is not { } family || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return null;
        }

        return await IssueAsync(user, family);
    }

    /// <summary>Refuses an access token whose person has changed their password or roles since it was issued.</summary>
    public static async Task ValidateAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket is null)
        {
            return; // the handler refuses it
        }

        // In a scope of its own, so the check's connection goes back to the pool before the request's work takes one.
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<SignInManager<User>>().ValidateSecurityStampAsync(ticket.Principal) is null)
        {
            context.Fail("The security stamp has changed since the token was issued.");
        }
    }

    private async Task<AccessTokenResponse> IssueAsync(User user, string? family)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + bearer.BearerTokenExpiration },
            $"{IdentityConstants.BearerScheme}:AccessToken");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var refreshExpires = now + bearer.RefreshTokenExpiration;
        var refresh = new AuthenticationTicket(principal, new AuthenticationProperties(new Dictionary<string, string?> { [RefreshIdProperty] = id }) { ExpiresUtc = refreshExpires },
            $"{IdentityConstants.BearerScheme}:RefreshToken");

        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM refresh_token WHERE user_id = @userId AND expires_ms < @now",
            new { userId = user.UserId, now = now.ToUnixTimeMilliseconds() }, transaction);
        await connection.ExecuteAsync("INSERT INTO refresh_token (id, user_id, family_id, expires_ms) VALUES (@id, @userId, @family, @expires)",
            new { id, userId = user.UserId, family = family ?? id, expires = refreshExpires.ToUnixTimeMilliseconds() }, transaction);
        await session.SaveChangesAsync();
        return new AccessTokenResponse
        {
            AccessToken = bearer.BearerTokenProtector.Protect(access),
            ExpiresIn = (long)bearer.BearerTokenExpiration.TotalSeconds,
            RefreshToken = bearer.RefreshTokenProtector.Protect(refresh),
        };
    }

    /// <summary>Marks a refresh token used and returns its family; a token used before ends its family and returns null.</summary>
    private async Task<string?> UseAsync(string id)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var (connection, transaction) = await session.BeginWriteAsync();
        var family = await connection.ExecuteScalarAsync<string?>(
            "UPDATE refresh_token SET used_ms = @now WHERE id = @id AND used_ms IS NULL AND expires_ms > @now RETURNING family_id", new { id, now }, transaction);
        if (family is null)
        {
            await connection.ExecuteAsync("""
                UPDATE refresh_token SET used_ms = @now
                WHERE used_ms IS NULL AND family_id = (SELECT family_id FROM refresh_token WHERE id = @id)
                """, new { id, now }, transaction);
        }

        // Committed before anything else is checked: a used or ended family stays so whatever follows.
        await session.SaveChangesAsync();
        return family;
    }
}
