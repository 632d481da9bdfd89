namespace CivicsClass.Content.Security;

/// <summary>An account as other modules show it: its id, the name it goes by, and the phone or e-mail it signs in with.</summary>
public sealed record Person(long Id, string DisplayName, string UserName);
