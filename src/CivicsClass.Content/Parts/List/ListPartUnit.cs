using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Parts;

/// <summary>A list's checks, page data and seed keys; its editor is <see cref="ListPartEditor"/>.</summary>
internal sealed class ListPartUnit(ContentReferences references) : IPartValidator, IPartDisplay, IPartSeedMapper
{
    public string PartName => nameof(ListPart);

    public IReadOnlyCollection<string> Keys { get; } = ["items", "lessons"];

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
