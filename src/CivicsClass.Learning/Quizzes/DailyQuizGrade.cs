namespace CivicsClass.Learning.Quizzes;

internal sealed record DailyQuizGrade(int Day, IReadOnlyList<QuizResult> Results, int Correct, int Awarded, int Balance);
