namespace CivicsClass.Learning.Study;

/// <summary>
/// Who a learner is for leaderboards and certificates: the name shown, the union organisation and the region, and
/// whether they chose to be named on the people board (off until they turn it on; groups count them either way).
/// </summary>
public sealed record Learner(long UserId, string DisplayName, string? OrganisationId, string? RegionId, bool ShowName = false);
