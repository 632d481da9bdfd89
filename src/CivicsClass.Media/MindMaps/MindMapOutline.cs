using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Text;
using Markdig;
using Markdig.Syntax;

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
            case HeadingBlock heading when Clip(Clean(MarkdownWords.Of(heading.Inline).Text)) is { Length: > 0 } text:
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
            var text = first is null ? "" : Clip(Clean(MarkdownWords.Of(first.Inline).Text));
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
        var (text, strong) = MarkdownWords.Of(paragraph.Inline);
        var sentences = Sentences.Split(Clean(text)).ToList();
        var key = strong is null ? null : sentences.FirstOrDefault(s => s.Contains(Clean(strong), StringComparison.Ordinal));
        return Clip(key ?? sentences.FirstOrDefault() ?? "");
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
