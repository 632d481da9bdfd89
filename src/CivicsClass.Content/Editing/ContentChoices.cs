using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;

namespace CivicsClass.Content.Editing;

/// <summary>The items an editor may pick (a content picker's, a list's) and the names of their types.</summary>
public sealed class ContentChoices(IContentManager content, ContentDefinitionManager definitions)
{
    public const int MaxPickerOptions = 500;

    public async Task<string> TypeNameAsync(string type) => (await definitions.GetTypeAsync(type))?.DisplayName ?? type;

    public async Task<IReadOnlyList<EditorOption>> OptionsAsync(IReadOnlyList<string> types)
    {
        if (types.Count == 0)
        {
            return [];
        }

        var page = await content.QueryAsync(new ContentQuery { ContentTypes = types, Latest = true, OrderBy = ContentOrder.TitleAscending, Take = MaxPickerOptions, IncludeTotal = false });
        var options = new List<EditorOption>(page.Items.Count);
        foreach (var item in page.Items)
        {
            options.Add(new EditorOption(item.ContentItemId, types.Count > 1 ? $"{item.DisplayText}（{await TypeNameAsync(item.ContentType)}）" : item.DisplayText));
        }

        return options;
    }
}
