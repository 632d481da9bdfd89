namespace CivicsClass.Content.Editing;

public sealed record QuizRow(string Question, string Options, int Answer, string? Explanation);
