namespace CivicsClass.Learning.Api;

/// <summary>A lesson quiz's answers, one choice (or none) per question in order.</summary>
internal sealed record QuizSubmission(IReadOnlyList<int?>? Answers);
