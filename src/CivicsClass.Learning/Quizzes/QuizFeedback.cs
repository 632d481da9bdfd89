namespace CivicsClass.Learning.Quizzes;

/// <summary>How much a grade may tell: only the score, also which answers were right, or also the right answers and explanations.</summary>
public enum QuizFeedback
{
    Score,
    Marks,
    Answers,
}
