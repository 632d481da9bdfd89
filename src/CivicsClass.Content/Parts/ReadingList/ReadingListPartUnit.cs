using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Parts;

/// <summary>
/// 延伸阅读 as a unit: a lines input in the editor, the link rules, a list of links after the page's body, the titles in the
/// searched body text, and <c>reading:</c> in a seed file (a list of lines written as in the editor).
/// </summary>
internal sealed class ReadingListPartUnit : IPartEditor, IPartValidator, IPartDisplay, IPartIndexer, IPartSeedMapper
{
    public string PartName => nameof(ReadingListPart);

    public IReadOnlyCollection<string> Keys { get; } = ["reading"];

    public Task BuildAsync(PartEditorContext context)
    {
        context.Add(new("ReadingList", "延伸阅读", "lines", ReadingListRules.Member, ReadingListLines.Format(context.Item.Part<ReadingListPart>()),
            Hint: ReadingListLines.Hint));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        context.Item.Apply(new ReadingListPart { Links = ReadingListLines.Parse(context.Form["ReadingList"]) });
        return Task.CompletedTask;
    }

    public Task ValidateAsync(PartValidationContext context)
    {
        foreach (var problem in ReadingListRules.Problems(context.Item.Part<ReadingListPart>().Links))
        {
            context.Result.Fail(ReadingListRules.Member, problem);
        }

        return Task.CompletedTask;
    }

    public Task DisplayAsync(PartDisplayContext context)
    {
        var links = context.Item.Part<ReadingListPart>().Links
            .Where(l => l.Title.Length > 0 && ReadingListRules.IsWebAddress(l.Url))
            .Select(l => new PartLink(l.Title, l.Url, l.Note)).ToList();
        if (links.Count > 0)
        {
            context.Display.Sections.Add(new PartSection(PartName, "延伸阅读", "Further reading", links));
        }

        return Task.CompletedTask;
    }

    public void Index(ContentItem item, SearchContribution search)
    {
        if (item.Get<ReadingListPart>(PartName)?.Links is { Count: > 0 } links)
        {
            search.Body.Add(string.Join('\n', links.Select(l => l.Title)));
        }
    }

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        context.Item.Apply(new ReadingListPart { Links = SeedValues.Values(context.File, value, line).Select(ReadingListLines.Link).ToList() });
        return Task.CompletedTask;
    }
}
