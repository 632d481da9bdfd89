namespace CivicsClass.Learning.CheckIns;

public sealed record CheckedIn(string ItemId, string Title, int Awarded, int Balance);
