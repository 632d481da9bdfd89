namespace CivicsClass.Search.Analysis;

public enum TokenKind
{
    /// <summary>A dictionary word.</summary>
    Word,

    /// <summary>Chinese characters the dictionary does not know, kept as they run.</summary>
    Unknown,

    /// <summary>Latin letters, digits and mixed forms kept whole: <c>5g</c>, <c>2025年</c>, <c>18.61万</c>.</summary>
    Latin,
}

/// <summary>A token with where it stands in the normalised text (one normalised character per original one).</summary>
public readonly record struct Token(string Text, int Start, TokenKind Kind)
{
    public int End => Start + Text.Length;
}
