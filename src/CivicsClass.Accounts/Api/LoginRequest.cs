namespace CivicsClass.Accounts.Api;

/// <summary>What a person signs in with, as the app sends it.</summary>
internal sealed record LoginRequest(string? PhoneOrEmail, string? Password);
