namespace CivicsClass.Learning.Api;

/// <summary>A check-in that counted; <c>noPointsReason</c> says why it earned no points, when it earned none.</summary>
internal sealed record CheckInDone(string ContentItemId, string Title, int Awarded, int Balance, string? NoPointsReason = null);
