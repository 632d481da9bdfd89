namespace CivicsClass.Accounts.Api;

/// <summary>The account a bearer token belongs to, with its places in the taxonomies by name.</summary>
internal sealed record Me(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Organisation, string? Region, string? Industry);
