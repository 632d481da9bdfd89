using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;

namespace CivicsClass.Editorial.Editing;

/// <summary>Items as rows of an admin table: type by its definition's name, owner by display name (read in one query), status in words.</summary>
internal sealed class ContentRows(ContentDefinitionManager definitions, IPeopleDirectory people)
{
    public static string Status(ContentItem item) => item.Status switch
    {
        ContentStatus.Draft => "草稿",
        ContentStatus.InReview => "待审核",
        ContentStatus.Published => "已发布",
        ContentStatus.Archived => "已归档",
        _ => item.Status.ToString(),
    };

    public async Task<string> TypeNameAsync(string type) => (await definitions.GetTypeAsync(type))?.DisplayName ?? type;

    public async Task<IReadOnlyList<ContentRow>> ForAsync(IReadOnlyCollection<ContentItem> items)
    {
        var ids = items.Select(i => long.TryParse(i.Owner, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToArray();
        var owners = (await people.GetManyAsync(ids)).ToDictionary(p => p.Id.ToString(CultureInfo.InvariantCulture), p => p.DisplayName);
        var rows = new List<ContentRow>(items.Count);
        foreach (var item in items)
        {
            var path = item.Part<AutoroutePart>().Path;
            rows.Add(new ContentRow(item.ContentItemId, item.DisplayText, item.ContentType, await TypeNameAsync(item.ContentType), item.Status.ToString(),
                Status(item), item.Published, item.Owner is null ? "" : owners.GetValueOrDefault(item.Owner, ""), SiteTime.Format(item.ModifiedUtc),
                item.Published && path.Length > 0 ? "/" + path : null));
        }

        return rows;
    }
}
