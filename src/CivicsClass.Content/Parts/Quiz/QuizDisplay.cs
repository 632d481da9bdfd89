namespace CivicsClass.Content.Parts;

/// <summary>A lesson's questions; the page sends the answers only with a graded result.</summary>
public sealed record QuizDisplay(IReadOnlyList<QuizQuestion> Questions);
