namespace CivicsClass.Content.Recipes;

/// <summary>One thing wrong with a recipe: which step, where in the JSON, and why.</summary>
public sealed record RecipeError(int? StepIndex, string? StepName, string Path, string Reason)
{
    public override string ToString() =>
        StepName is null ? $"{Path}：{Reason}" : $"第 {StepIndex} 步（{StepName}）{Path}：{Reason}";
}

/// <summary>The recipe was refused; nothing it would have written is in the database.</summary>
public sealed class RecipeException(IReadOnlyList<RecipeError> errors)
    : Exception("配方没有被接受，什么都没有改变：" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<RecipeError> Errors { get; } = errors;
}
