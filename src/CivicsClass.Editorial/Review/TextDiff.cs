using CivicsClass.AdminTheme.Models;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace CivicsClass.Editorial.Review;

/// <summary>
/// A field's lines before and after, as the review page shows them: kept, removed (<c>-</c>) and
/// added (<c>+</c>), removals before additions. DiffPlex's Myers diff needs memory in proportion to
/// the lines, not to their product, so a long lesson costs little.
/// </summary>
internal static class TextDiff
{
    /// <summary>Past this many lines on either side a field is shown as removed and added whole, which bounds the time.</summary>
    public const int MaxLines = 20_000;

    public static IReadOnlyList<DiffLine> Lines(string? before, string? after)
    {
        var a = Normalise(before);
        var b = Normalise(after);
        if (a.Length == 0 || b.Length == 0 || Count(a) > MaxLines || Count(b) > MaxLines)
        {
            return [.. Split(a).Select(l => new DiffLine('-', l)), .. Split(b).Select(l => new DiffLine('+', l))];
        }

        // Whitespace counts: an indented line means something else in Markdown.
        var model = InlineDiffBuilder.Diff(a, b, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        return [.. model.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Deleted => '-',
            ChangeType.Inserted => '+',
            _ => ' ',
        }, l.Text))];
    }

    private static string Normalise(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? "";

    private static int Count(string text) => text.AsSpan().Count('\n') + 1;

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split('\n');
}
