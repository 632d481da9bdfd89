namespace CivicsClass.Contests.Api;

/// <summary>A question after its round: the option chosen in time (null if none), the right one and why.</summary>
internal sealed record GradedAnswer(int Number, string Question, IReadOnlyList<string> Options, int? Chosen, int Answer, string? Explanation);
