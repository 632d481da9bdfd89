namespace CivicsClass.Accounts.Api;

/// <summary>A refresh token to trade for a new pair.</summary>
internal sealed record RefreshRequest(string? RefreshToken);
