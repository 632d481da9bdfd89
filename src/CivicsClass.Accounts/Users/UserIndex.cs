namespace CivicsClass.Accounts.Users;

/// <summary>A row of <c>user_index</c>: what people are found and listed by.</summary>
internal sealed record UserIndex(string NormalizedUserName, string? NormalizedEmail, string? PhoneNumber, string DisplayName, DateTime CreatedUtc);
