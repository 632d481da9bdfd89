namespace CivicsClass.Content.Definitions;

/// <summary>What a type change did, or why it was refused (field name → message).</summary>
public sealed class TypeChange
{
    private readonly List<(string Field, string Message)> _errors = [];

    public IReadOnlyList<(string Field, string Message)> Errors => _errors;

    public bool Succeeded => _errors.Count == 0 && !NotFound;

    /// <summary>The type or field does not exist.</summary>
    public bool NotFound { get; private set; }

    public string? Message { get; set; }

    public TypeChange Fail(string field, string message)
    {
        _errors.Add((field, message));
        return this;
    }

    public TypeChange Missing()
    {
        NotFound = true;
        return this;
    }
}
