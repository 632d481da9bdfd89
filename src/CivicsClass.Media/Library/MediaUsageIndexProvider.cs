using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;

namespace CivicsClass.Media.Library;

internal sealed partial class MediaUsageIndexProvider : IndexProvider<ContentItem, MediaUsageIndex>
{
    public override string Table => "media_usage_index";

    protected override IEnumerable<MediaUsageIndex> Map(ContentItem item) => Usages(item);

    public static IEnumerable<MediaUsageIndex> Usages(ContentItem item) =>
        item.Latest || item.Published
            ? MediaAddress().Matches(item.Content.ToJsonString()).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)
                .Select(key => new MediaUsageIndex(item.ContentItemId, key, item.Latest, item.Published))
            : [];

    [GeneratedRegex(@"/media/([0-9a-f]{32}\.[a-z0-9]{3,4})")]
    private static partial Regex MediaAddress();
}
