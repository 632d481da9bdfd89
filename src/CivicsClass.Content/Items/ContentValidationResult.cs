namespace CivicsClass.Content.Items;

/// <summary>What is wrong with an item, member by member, in words a person understands.</summary>
public sealed class ContentValidationResult
{
    private readonly List<ContentValidationError> _errors = [];

    public IReadOnlyList<ContentValidationError> Errors => _errors;

    public bool Succeeded => _errors.Count == 0;

    public void Fail(string member, string message) => _errors.Add(new ContentValidationError(member, message));
}

public sealed record ContentValidationError(string Member, string Message);

public sealed class ContentValidationException(IReadOnlyList<ContentValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Member}: {e.Message}")))
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}
