namespace CivicsClass.Contests.Api;

/// <summary>A round to answer: its id, the server's deadline, the seconds left by the server's clock, and whether it was already under way.</summary>
internal sealed record RoundStarted(string RoundId, DateTime DeadlineUtc, int SecondsLeft, bool Resumed, IReadOnlyList<RoundQuestion> Questions);
