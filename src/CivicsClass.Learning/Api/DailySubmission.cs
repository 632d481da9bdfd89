namespace CivicsClass.Learning.Api;

/// <summary>The daily quiz's answers by question id.</summary>
internal sealed record DailySubmission(IReadOnlyDictionary<string, int>? Answers);
