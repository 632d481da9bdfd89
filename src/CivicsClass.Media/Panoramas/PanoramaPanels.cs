using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CivicsClass.Media.Panoramas;

/// <summary>
/// The exhibition panels of a drawn hall, taken from the venue's own text: each paragraph that opens with a date
/// becomes a panel headed by that date (1922年9月), and each item of its lists a panel headed 参观看点.
/// </summary>
internal static partial class PanoramaPanels
{
    public const string PointsHeading = "参观看点";

    public static IReadOnlyList<PanoramaPanel> From(string? markdown, int max = 6, int maxLength = 80)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }

        var document = Markdown.Parse(markdown);
        var dated = document.Descendants<ParagraphBlock>()
            .Where(p => p.Parent is MarkdownDocument)
            .Select(p => Text(p.Inline))
            .Select(text => (Match: LeadingDate().Match(text), Text: text))
            .Where(p => p.Match.Success)
            .Select(p => new PanoramaPanel(p.Match.Value, Shorten(p.Text[p.Match.Length..].TrimStart('，', ',', ' '), maxLength)));
        var points = document.Descendants<ListItemBlock>()
            .Select(i => Text(i.Descendants<ParagraphBlock>().FirstOrDefault()?.Inline).Trim().TrimEnd('；', '。', ';'))
            .Where(t => t.Length > 0)
            .Select(t => new PanoramaPanel(PointsHeading, Shorten(t, maxLength)));
        return dated.Concat(points).Where(p => p.Text.Length > 0).Take(max).ToList();
    }

    private static string Shorten(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;

    [GeneratedRegex(@"^\d{4}年(\d{1,2}月(\d{1,2}日)?|[春夏秋冬]|初|底)?")]
    private static partial Regex LeadingDate();

    private static string Text(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            LineBreakInline => "",
            _ => "",
        }));
}
