using CivicsClass.Content.Editing;
using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Parts;

internal sealed class ListPartUnit(IContentManager content, ContentChoices choices, ContentReferences references)
    : IPartEditor, IPartValidator, IPartDisplay, IPartSeedMapper
{
    /// <summary>Used when the type's list part names no label of its own (<see cref="Definitions.PartSettings.Label"/>).</summary>
    public const string DefaultLabel = "包含的内容（按顺序）";

    public string PartName => nameof(ListPart);

    public IReadOnlyCollection<string> Keys { get; } = ["items", "lessons"];

    public async Task BuildAsync(PartEditorContext context)
    {
        var listed = await content.GetManyAsync(context.Item.Part<ListPart>().ContentItemIds, VersionOptions.Latest);
        var rows = new List<ListRow>(listed.Count);
        foreach (var item in listed)
        {
            rows.Add(new ListRow(item.ContentItemId, $"{item.DisplayText}（{await choices.TypeNameAsync(item.ContentType)}）"));
        }

        var settings = context.Part.Settings;
        context.Add(new("List", string.IsNullOrWhiteSpace(settings.Label) ? DefaultLabel : settings.Label, "list", "ListPart.ContentItemIds", List: rows,
            Options: await choices.OptionsAsync(settings.ContainedTypes ?? []), Hint: "用“上移”“下移”调整顺序，也可以拖动。"));
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        context.Item.Apply(new ListPart { ContentItemIds = context.Form["List"].OfType<string>().Where(s => s.Length > 0).Distinct().ToList() });
        return Task.CompletedTask;
    }

    public Task ValidateAsync(PartValidationContext context) =>
        references.ValidateAsync(context.Item.Part<ListPart>().ContentItemIds, context.Part.Settings.ContainedTypes, "ListPart.ContentItemIds", "列表",
            context.Session, context.Result);

    public Task DisplayAsync(PartDisplayContext context)
    {
        context.Display.Set(new ListedItemsDisplay(context.Item.Get<ListPart>(PartName)?.ContentItemIds ?? []));
        return Task.CompletedTask;
    }

    public async Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        var (file, type) = (context.File, context.Type);
        var contained = type.Part(PartName)?.Settings.ContainedTypes
            ?? throw new SeedException(file.Path, line, $"类型 {type.Name} 没有列表部件，不能列出子项。");
        var ids = new List<string>();
        foreach (var entry in SeedValues.Values(file, value, line))
        {
            var colon = entry.IndexOf(':');
            var allowed = colon < 0
                ? contained
                : contained.Where(t => string.Equals(t, entry[..colon].Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (allowed.Count == 0)
            {
                throw new SeedException(file.Path, line, $"“{entry}”：{type.Name} 只能包含 {string.Join("、", contained)}。");
            }

            ids.Add(await context.ResolveAsync(allowed, colon < 0 ? entry : entry[(colon + 1)..].Trim(), line));
        }

        context.Item.Apply(new ListPart { ContentItemIds = ids });
    }
}
