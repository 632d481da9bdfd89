namespace CivicsClass.Accounts.Api;

/// <summary>A new learner's account, as the app sends it.</summary>
internal sealed record RegisterRequest(string? PhoneOrEmail, string? Password, string? DisplayName);
