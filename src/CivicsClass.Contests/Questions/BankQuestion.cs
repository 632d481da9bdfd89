using CivicsClass.Content.Parts;

namespace CivicsClass.Contests.Questions;

/// <summary>A question of a contest's bank; its id names the item it comes from and its place there (<c>lessonId:3</c>).</summary>
internal sealed record BankQuestion(string Id, QuizQuestion Question);
