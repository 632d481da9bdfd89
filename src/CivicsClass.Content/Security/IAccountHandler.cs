using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Security;

/// <summary>
/// Told when an account is saved, inside the same transaction as the account itself, so a module can keep
/// its own copy of what it needs (the learning module keeps its learners' names and organisations).
/// </summary>
public interface IAccountHandler
{
    Task SavedAsync(ISession session, SavedAccount account);
}

/// <summary>An account as it was saved: who it is, where it belongs and whether it may be named on leaderboards.</summary>
public sealed record SavedAccount(long UserId, string DisplayName, string? OrganisationId, string? RegionId, bool ShowName);
