namespace CivicsClass.Learning.Api;

/// <summary>A graded lesson quiz.</summary>
internal sealed record Graded(int Correct, int Total, int Needed, bool Passed, int Awarded, int Balance, IReadOnlyList<QuestionResult> Results, int? AttemptsLeft);
