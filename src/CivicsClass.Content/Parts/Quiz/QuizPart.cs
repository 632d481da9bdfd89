namespace CivicsClass.Content.Parts;

public sealed class QuizPart
{
    public List<QuizQuestion> Questions { get; set; } = [];
}
