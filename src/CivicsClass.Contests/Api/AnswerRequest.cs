namespace CivicsClass.Contests.Api;

/// <summary>One answer: the question's number in the round (from 1) and the option's place as the round showed it (from 0).</summary>
internal sealed record AnswerRequest(int Number, int Option);
