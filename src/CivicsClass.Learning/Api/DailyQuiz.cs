using CivicsClass.Learning.Quizzes;

namespace CivicsClass.Learning.Api;

/// <summary>Today's questions, without their answers.</summary>
internal sealed record DailyQuiz(int Day, IReadOnlyList<DailyQuestion> Questions);
