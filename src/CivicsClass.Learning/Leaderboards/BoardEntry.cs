namespace CivicsClass.Learning.Leaderboards;

public sealed record BoardEntry(int Rank, string Id, string Name, double Points, int Members = 0, int Participants = 0);
