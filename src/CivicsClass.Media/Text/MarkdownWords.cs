using System.Text;
using Markdig.Syntax.Inlines;

namespace CivicsClass.Media.Text;

/// <summary>
/// The words of a Markdown paragraph or heading as a reader says them: literal text, code and entities kept; images,
/// autolinks (an address, perhaps <c>javascript:</c>) and raw HTML left out; link text kept without its address.
/// </summary>
internal static class MarkdownWords
{
    /// <summary>The words of some inlines, and the first bold run among them.</summary>
    public static (string Text, string? Strong) Of(ContainerInline? inline)
    {
        var text = new StringBuilder();
        string? strong = null;
        Append(inline, text, ref strong);
        return (text.ToString(), strong);
    }

    private static void Append(Inline? inline, StringBuilder text, ref string? strong)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case LineBreakInline:
                // Chinese lines join without a space; Latin words keep one.
                if (text.Length > 0 && text[^1] < 0x2E80)
                {
                    text.Append(' ');
                }

                break;
            case LinkInline { IsImage: true }:
                break;
            case EmphasisInline { DelimiterCount: >= 2 } emphasis when strong is null:
                var start = text.Length;
                AppendChildren(emphasis, text, ref strong);
                strong = text.ToString(start, text.Length - start);
                break;
            case ContainerInline container:
                AppendChildren(container, text, ref strong);
                break;
        }
    }

    private static void AppendChildren(ContainerInline container, StringBuilder text, ref string? strong)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            Append(child, text, ref strong);
        }
    }
}
