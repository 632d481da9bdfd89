using CivicsClass.Content.Items;
using CivicsClass.Content.Markdown;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Parts;

internal sealed class MarkdownBodyPartUnit(MarkdownRenderer markdown) : IPartEditor, IPartDisplay, IPartIndexer, IPartSeedMapper
{
    public string PartName => nameof(MarkdownBodyPart);

    /// <summary>The body is the file's text after its front matter, not a key.</summary>
    public IReadOnlyCollection<string> Keys { get; } = [];

    public Task BuildAsync(PartEditorContext context)
    {
        context.Add(new("Markdown", "正文（Markdown）", "markdown", "MarkdownBodyPart.Markdown", context.Item.Part<MarkdownBodyPart>().Markdown,
            Hint: "支持 Markdown：# 标题、**加粗**、- 列表、[链接](https://…)；不支持 HTML。"));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        context.Item.Apply(new MarkdownBodyPart { Markdown = ((string?)context.Form["Markdown"] ?? "").Replace("\r\n", "\n", StringComparison.Ordinal) });
        return Task.CompletedTask;
    }

    public Task DisplayAsync(PartDisplayContext context)
    {
        context.Display.Set(new MarkdownBodyDisplay(markdown.ToHtml(context.Item.Get<MarkdownBodyPart>(PartName)?.Markdown)));
        return Task.CompletedTask;
    }

    public void Index(ContentItem item, SearchContribution search)
    {
        if (markdown.ToPlainText(item.Get<MarkdownBodyPart>(PartName)?.Markdown) is { Length: > 0 } text)
        {
            search.Body.Add(text);
        }
    }

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line) => Task.CompletedTask;

    public Task MapFileAsync(PartSeedContext context)
    {
        context.Item.Apply(new MarkdownBodyPart { Markdown = context.File.Body });
        return Task.CompletedTask;
    }
}
