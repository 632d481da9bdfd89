using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CivicsClass.Content.Markdown;

/// <summary>
/// Lesson bodies to HTML: tables, task lists, auto-links, emphasis extras and heading ids; raw
/// HTML is escaped, and a link or image whose address is not http(s), mailto, tel or relative is
/// dropped, keeping its text.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] s_safeSchemes = ["http", "https", "mailto", "tel"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseListExtras()
        // Chinese puts bold right before a full-width quote or after one with no space: **“口号”**的 is bold, not asterisks.
        .UseCjkFriendlyEmphasis()
        .DisableHtml()
        .Build();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        RemoveUnsafeLinks(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The text a reader sees, without Markdown syntax: for summaries and search.</summary>
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, _pipeline).Trim();

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so we do too.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        var boundary = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (boundary >= 0 && boundary < colon))
        {
            return true;
        }

        var scheme = compact[..colon];
        return s_safeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void RemoveUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafeUrl(link.Url))
            {
                continue;
            }

            if (link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
                continue;
            }

            var anchor = (Inline)link;
            foreach (var child in link.ToList())
            {
                child.Remove();
                anchor.InsertAfter(child);
                anchor = child;
            }

            link.Remove();
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }
}
