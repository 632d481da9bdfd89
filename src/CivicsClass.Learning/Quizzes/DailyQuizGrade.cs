namespace CivicsClass.Learning.Quizzes;

public sealed record DailyQuizGrade(int Day, IReadOnlyList<QuizResult> Results, int Correct, int Awarded, int Balance);
