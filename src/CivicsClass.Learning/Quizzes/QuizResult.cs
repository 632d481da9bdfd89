namespace CivicsClass.Learning.Quizzes;

public sealed record QuizResult(int Number, string Question, IReadOnlyList<string> Options, int? Chosen, int Answer, string? Explanation)
{
    public bool Right => Chosen == Answer;
}
