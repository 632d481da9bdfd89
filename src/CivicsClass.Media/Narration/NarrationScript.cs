using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Text;
using Markdig;
using Markdig.Syntax;

namespace CivicsClass.Media.Narration;

/// <summary>
/// What narration reads: the title, the summary and the body, sentence by sentence, with the Markdown
/// syntax left out (no hashes, stars, link addresses, images or code blocks), each sentence as shown
/// and as spoken (numbers written out by <see cref="ChineseNumbers"/>).
/// </summary>
internal static class NarrationScript
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseGridTables().UseEmphasisExtras().UseAutoLinks().UseListExtras().DisableHtml().Build();

    public static IReadOnlyList<ScriptSentence> For(ContentItem item)
    {
        var title = item.Get<TitlePart>(nameof(TitlePart))?.Title is { Length: > 0 } t ? t : item.DisplayText;
        var blocks = new List<string> { title };
        if (item.Get<SummaryPart>(nameof(SummaryPart))?.Summary is { Length: > 0 } summary)
        {
            blocks.Add(summary);
        }

        blocks.AddRange(Blocks(item.Get<MarkdownBodyPart>(nameof(MarkdownBodyPart))?.Markdown));
        return blocks.SelectMany(Sentences.Split).Select(s => new ScriptSentence(s, Spoken(s))).Where(s => s.Spoken.Length > 0).ToList();
    }

    /// <summary>The text of each heading, paragraph, list item and table cell, in order.</summary>
    public static IEnumerable<string> Blocks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            yield break;
        }

        foreach (var block in Markdown.Parse(markdown, s_pipeline).Descendants<LeafBlock>())
        {
            if (block is CodeBlock or ThematicBreakBlock or HtmlBlock || block.Inline is null)
            {
                continue;
            }

            if (MarkdownWords.Of(block.Inline).Text.Trim() is { Length: > 0 } plain)
            {
                yield return plain;
            }
        }
    }

    /// <summary>What the engine is given: numbers in words, and nothing an engine would spell out as a symbol.</summary>
    private static string Spoken(string sentence) =>
        ChineseNumbers.Read(sentence).Replace("*", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal)
            .Replace("|", "，", StringComparison.Ordinal).Replace("/", "，", StringComparison.Ordinal).Trim();
}
