namespace CivicsClass.Contests.Rounds;

/// <summary>A round to answer: a new one, or the one already under way (<paramref name="Resumed"/>), which a second start never replaces.</summary>
internal sealed record RoundStart(ContestRound Round, bool Resumed);
