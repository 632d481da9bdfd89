using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CivicsClass.Media.Generated;

/// <summary>A lesson's key points for its long image: its headings, then the items of its lists, as plain text.</summary>
internal static class KeyPoints
{
    public static IReadOnlyList<string> From(string? markdown, int max = 6, int maxLength = 48)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }

        var document = Markdown.Parse(markdown);
        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level is 2 or 3).Select(h => Text(h.Inline));
        var items = document.Descendants<ListItemBlock>().Select(i => i.Descendants<ParagraphBlock>().FirstOrDefault()?.Inline).Select(Text);
        return headings.Concat(items)
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct()
            .Take(max)
            .Select(t => t.Length > maxLength ? t[..(maxLength - 1)] + "…" : t)
            .ToList();
    }

    private static string Text(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            LineBreakInline => " ",
            _ => "",
        }));
}
