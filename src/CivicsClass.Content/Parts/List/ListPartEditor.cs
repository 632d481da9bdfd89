using CivicsClass.Content.Editing;
using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

/// <summary>
/// A list's editor: the items it holds, in order, and the items it may hold. Apart from the unit because it reads
/// content, and the content manager's own checks use the unit.
/// </summary>
internal sealed class ListPartEditor(IContentManager content, ContentChoices choices) : IPartEditor
{
    /// <summary>Used when the type's list part names no label of its own (<see cref="Definitions.PartSettings.Label"/>).</summary>
    public const string DefaultLabel = "包含的内容（按顺序）";

    public string PartName => nameof(ListPart);

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
}
