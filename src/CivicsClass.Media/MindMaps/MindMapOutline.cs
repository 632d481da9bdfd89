using System.Text;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CivicsClass.Media.MindMaps;

/// <summary>
/// A lesson's mind map (思维导图) read from its Markdown: the title is the root, headings nest by level, list
/// items (nested lists too) hang under the section they are in, and each paragraph gives its key sentence — the
/// one with bold text, else its first — up to <see cref="SentencesPerBranch"/> a section. Only the words are
/// kept: link targets, images, code blocks and raw HTML never reach a branch.
/// </summary>
public static class MindMapOutline
{
    public const int MaxNodes = 80;
    public const int MaxLength = 40;
    public const int SentencesPerBranch = 2;

    // As the page reads lessons (tables, task lists, emphasis extras), and bold that begins or ends in Chinese punctuation
    // (**“口号”**的) counts as bold, so its sentence is found and no asterisks are left in the text.
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseTaskLists().UseEmphasisExtras().UseListExtras().UseCjkFriendlyEmphasis().Build();

    /// <summary>The mind map of an item that may have one: a lesson whose body gives at least one branch; null for any other.</summary>
    public static MindMapNode? Of(ContentItem item)
    {
        if (item.ContentType != "Lesson")
        {
            return null;
        }

        var root = From(item.DisplayText, item.Get<MarkdownBodyPart>(nameof(MarkdownBodyPart))?.Markdown);
        return root.Children.Count == 0 ? null : root;
    }

    public static MindMapNode From(string title, string? markdown)
    {
        var root = new Branch(Clip(Clean(title)), MindMapNodeKind.Title);
        var budget = new Budget();
        if (!string.IsNullOrWhiteSpace(markdown))
        {
            var sections = new Stack<(int Level, Branch Branch)>();
            sections.Push((0, root));
            foreach (var block in Markdown.Parse(markdown, s_pipeline))
            {
                Read(block, sections, budget);
            }
        }

        return root.ToNode();
    }

    private static void Read(Block block, Stack<(int Level, Branch Branch)> sections, Budget budget)
    {
        switch (block)
        {
            case HeadingBlock heading when Clip(Clean(Text(heading.Inline).Text)) is { Length: > 0 } text:
                while (sections.Peek().Level >= heading.Level)
                {
                    sections.Pop();
                }

                if (budget.Take())
                {
                    var branch = sections.Peek().Branch.Add(text, MindMapNodeKind.Heading);
                    sections.Push((heading.Level, branch));
                }

                break;
            case ListBlock list:
                ReadList(list, sections.Peek().Branch, budget);
                break;
            case ParagraphBlock paragraph:
                var section = sections.Peek().Branch;
                if (section.Sentences < SentencesPerBranch && KeySentence(paragraph) is { Length: > 0 } sentence && budget.Take())
                {
                    section.Add(sentence, MindMapNodeKind.KeySentence);
                    section.Sentences++;
                }

                break;
            case QuoteBlock quote:
                foreach (var inner in quote)
                {
                    Read(inner, sections, budget);
                }

                break;
        }
    }

    private static void ReadList(ListBlock list, Branch parent, Budget budget)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var first = item.OfType<ParagraphBlock>().FirstOrDefault();
            var text = first is null ? "" : Clip(Clean(Text(first.Inline).Text));
            var branch = text.Length > 0 && budget.Take() ? parent.Add(text, MindMapNodeKind.ListItem) : parent;
            foreach (var nested in item.OfType<ListBlock>())
            {
                ReadList(nested, branch, budget);
            }
        }
    }

    /// <summary>The sentence holding the paragraph's first bold words, or else its first sentence.</summary>
    private static string KeySentence(ParagraphBlock paragraph)
    {
        var (text, strong) = Text(paragraph.Inline);
        var sentences = Sentences(Clean(text));
        var key = strong is null ? null : sentences.FirstOrDefault(s => s.Contains(Clean(strong), StringComparison.Ordinal));
        return Clip(key ?? sentences.FirstOrDefault() ?? "");
    }

    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            current.Append(c);
            if (c is '。' or '！' or '？' or '!' or '?' or '；')
            {
                sentences.Add(current.ToString().Trim());
                current.Clear();
            }
        }

        if (current.ToString().Trim() is { Length: > 0 } rest)
        {
            sentences.Add(rest);
        }

        return sentences;
    }

    /// <summary>The words of some inlines, and the first bold run among them.</summary>
    private static (string Text, string? Strong) Text(ContainerInline? inline)
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
                text.Append(' ');
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

            // Raw HTML and autolinks (an address, perhaps javascript:) are not words of the lesson.
        }
    }

    private static void AppendChildren(ContainerInline container, StringBuilder text, ref string? strong)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            Append(child, text, ref strong);
        }
    }

    private static string Clean(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Clip(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        return text[..cut].TrimEnd() + "…";
    }

    private sealed class Budget
    {
        private int _left = MaxNodes - 1;

        public bool Take() => _left-- > 0;
    }

    private sealed class Branch(string text, MindMapNodeKind kind)
    {
        private readonly List<Branch> _children = [];

        public int Sentences { get; set; }

        public Branch Add(string childText, MindMapNodeKind childKind)
        {
            var child = new Branch(childText, childKind);
            _children.Add(child);
            return child;
        }

        public MindMapNode ToNode() => new(text, kind, _children.Select(c => c.ToNode()).ToList());
    }
}
