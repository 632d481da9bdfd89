namespace CivicsClass.Contests.Live;

/// <summary>A team's place in a live final: its points, right answers and members who joined.</summary>
internal sealed record LiveTeamScore(int Rank, string Id, string Name, int Score, int Correct, int Players);
