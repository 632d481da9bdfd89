namespace CivicsClass.Learning.Quizzes;

/// <param name="Results">Every question graded; empty when nothing was graded (no quiz, or no attempt left today).</param>
/// <param name="Feedback">What of <paramref name="Results"/> the learner may see beyond the score.</param>
/// <param name="AttemptsLeft">A worker's attempts left today on a quiz not yet passed.</param>
public sealed record QuizGrade(IReadOnlyList<QuizResult> Results, int Correct, int Needed, bool Passed, int Awarded, int Balance, Refusal? NothingAwarded,
    QuizFeedback Feedback = QuizFeedback.Score, int? AttemptsLeft = null);
