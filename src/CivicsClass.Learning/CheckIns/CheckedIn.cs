namespace CivicsClass.Learning.CheckIns;

/// <summary>A check-in that was recorded; <see cref="NothingAwarded"/> says why it earned no points, when it earned none.</summary>
public sealed record CheckedIn(string ItemId, string Title, int Awarded, int Balance, Refusal? NothingAwarded = null);
