namespace CivicsClass.Contests.Api;

/// <summary>A question of a round as the app shows it, without its answer; <paramref name="Answered"/> is the option already sent.</summary>
internal sealed record RoundQuestion(int Number, string Question, IReadOnlyList<string> Options, int? Answered);
