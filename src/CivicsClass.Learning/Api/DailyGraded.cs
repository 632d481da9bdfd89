namespace CivicsClass.Learning.Api;

/// <summary>A graded daily quiz.</summary>
internal sealed record DailyGraded(int Correct, int Awarded, int Balance, IReadOnlyList<QuestionResult> Results);
