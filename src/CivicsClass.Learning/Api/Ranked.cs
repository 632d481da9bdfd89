namespace CivicsClass.Learning.Api;

/// <summary>A place on a leaderboard.</summary>
internal sealed record Ranked(int Rank, string Name, double Points, int? Members, int? Participants);
