namespace CivicsClass.Learning.Api;

/// <summary>One graded question, telling only what the grade may tell.</summary>
internal sealed record QuestionResult(int Number, bool? Right, int? Chosen, int? Answer, string? Explanation);
