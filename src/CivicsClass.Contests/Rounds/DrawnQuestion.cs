namespace CivicsClass.Contests.Rounds;

/// <summary>
/// A question as a round shows it: options in the round's own order, <paramref name="Answer"/> the
/// right option's place in that order. Copied into the round when drawn, so grading never depends on
/// content edited afterwards; the answer never leaves the server before the round is finished.
/// </summary>
internal sealed record DrawnQuestion(string Id, string Question, IReadOnlyList<string> Options, int Answer, string? Explanation);
