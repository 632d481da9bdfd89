namespace CivicsClass.Contests.Rankings;

/// <summary>
/// What one organisation's (or region's) own entrants did, not counting sub-organisations: how many
/// took part, the sum of their best scores (each 0–1) and the study days on which they answered.
/// </summary>
internal sealed record GroupFigures(long Participants, double BestSum, long ActiveDays);
