namespace CivicsClass.Accounts.Api;

/// <summary>The account just created.</summary>
internal sealed record Registered(string Id, string UserName, string DisplayName);
