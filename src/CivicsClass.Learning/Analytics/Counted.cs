namespace CivicsClass.Learning.Analytics;

public sealed record Counted(string Id, string Name, long Count);
