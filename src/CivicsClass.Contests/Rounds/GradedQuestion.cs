namespace CivicsClass.Contests.Rounds;

/// <summary>A question after the round: the option chosen in time (null when none), the right one and why.</summary>
internal sealed record GradedQuestion(int Number, string Question, IReadOnlyList<string> Options, int? Chosen, int Answer, string? Explanation)
{
    public bool Right => Chosen == Answer;
}
