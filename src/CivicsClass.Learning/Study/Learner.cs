namespace CivicsClass.Learning.Study;

/// <summary>Who a learner is for leaderboards and certificates: the name shown, the union organisation and the region.</summary>
public sealed record Learner(long UserId, string DisplayName, string? OrganisationId, string? RegionId);
