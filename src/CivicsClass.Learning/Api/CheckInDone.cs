namespace CivicsClass.Learning.Api;

/// <summary>A check-in that counted.</summary>
internal sealed record CheckInDone(string ContentItemId, string Title, int Awarded, int Balance);
