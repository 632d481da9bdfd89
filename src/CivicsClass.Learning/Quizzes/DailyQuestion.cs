namespace CivicsClass.Learning.Quizzes;

/// <summary>A question of the daily quiz: its id names the lesson and the question's place in it.</summary>
public sealed record DailyQuestion(string Id, string Question, IReadOnlyList<string> Options);
