namespace CivicsClass.Content.Parts;

public sealed class QuizQuestion
{
    public string Question { get; set; } = "";
    public List<string> Options { get; set; } = [];

    /// <summary>Zero-based index of the right option; never sent to a browser before grading.</summary>
    public int Answer { get; set; }
    public string? Explanation { get; set; }
}
