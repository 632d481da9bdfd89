using System.Globalization;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Seeds.SeedValues;

namespace CivicsClass.Content.Seeds;

/// <summary>
/// Fills a content item from a seed file by the type's definition: a key a part claims goes to that part's unit
/// (title, summary, quiz, geo, items …), any other key to the field of that name; references
/// are slugs, taxonomy terms are names. Every problem names the file and line.
/// </summary>
internal sealed class SeedMapper(IContentManager contentManager, ContentDefinitionManager definitions, TaxonomyService taxonomies, ISession session,
    IEnumerable<IPartSeedMapper> mappers)
{
    private readonly IReadOnlyList<IPartSeedMapper> _mappers = mappers.ToList();

    private static readonly TimeSpan s_chinaOffset = TimeSpan.FromHours(8);

    public async Task<(ContentItem Item, bool Publish)> MapAsync(FrontMatterFile file, ContentTypeDefinition type, string slug)
    {
        var item = await contentManager.NewAsync(type.Name);
        item.ContentItemId = SeedIds.For(type.Name, slug);
        var context = new PartSeedContext(file, type, item, slug, (types, target, line) => ResolveAsync(file, types, target, line));
        foreach (var mapper in _mappers.Where(m => type.Has(m.PartName)))
        {
            await mapper.MapFileAsync(context);
        }

        var publish = true;
        foreach (var (key, value, line) in file.Entries)
        {
            var lowered = key.ToLowerInvariant();
            if (lowered is "type" or "slug")
            {
                continue;
            }

            if (lowered == "published")
            {
                var text = Scalar(file, value, line);
                if (bool.TryParse(text, out var flag))
                {
                    publish = flag;
                }
                else
                {
                    item.PublishedUtc = ParseTime(file, text, line);
                }
            }
            else if (_mappers.FirstOrDefault(m => m.Keys.Contains(lowered)) is { } mapper)
            {
                await mapper.MapAsync(context, lowered, value, line);
            }
            else
            {
                await MapFieldAsync(file, type, item, key, value, line);
            }
        }

        return (item, publish);
    }

    private async Task MapFieldAsync(FrontMatterFile file, ContentTypeDefinition type, ContentItem item, string key, YamlNode value, int line)
    {
        var field = type.Fields.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new SeedException(file.Path, line, $"未知的键“{key}”：类型 {type.Name}（{type.DisplayName}）没有这个字段。");
        switch (field.Type)
        {
            case "TaxonomyField":
                var termIds = new List<string>();
                foreach (var name in Values(file, value, line))
                {
                    var term = await taxonomies.FindTermByNameAsync(field.Settings.Taxonomy!, name, session)
                        ?? throw new SeedException(file.Path, line, $"“{name}”不是分类 {field.Settings.Taxonomy} 中的词条。");
                    termIds.Add(term.Id);
                }

                item.SetField(field.Name, new TaxonomyField { TermIds = termIds });
                break;
            case "ContentPickerField":
                var ids = new List<string>();
                foreach (var slug in Values(file, value, line))
                {
                    ids.Add(await ResolveAsync(file, field.Settings.AllowedTypes ?? [], slug, line));
                }

                item.SetField(field.Name, new ContentPickerField { ContentItemIds = ids });
                break;
            case "NumericField":
                var number = Scalar(file, value, line);
                item.SetField(field.Name, new NumericField
                {
                    Value = decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                        ? n
                        : throw new SeedException(file.Path, line, $"“{key}”应是数字，而不是“{number}”。"),
                });
                break;
            case "BooleanField":
                var boolean = Scalar(file, value, line);
                item.SetField(field.Name, new BooleanField
                {
                    Value = bool.TryParse(boolean, out var b) ? b : throw new SeedException(file.Path, line, $"“{key}”应是 true 或 false。"),
                });
                break;
            case "DateTimeField":
                item.SetField(field.Name, new DateTimeField { Value = ParseTime(file, Scalar(file, value, line), line) });
                break;
            case "TextField" when field.Settings.Multiple:
                item.SetField(field.Name, new TextField { Values = Values(file, value, line).ToList() });
                break;
            case "TextField":
                item.SetField(field.Name, new TextField { Text = Scalar(file, value, line) });
                break;
            default:
                throw new SeedException(file.Path, line, $"字段“{key}”的类型 {field.Type} 不能从种子文件导入。");
        }
    }

    private async Task<string> ResolveAsync(FrontMatterFile file, IReadOnlyList<string> types, string slug, int line)
    {
        foreach (var typeName in types)
        {
            var prefix = (await definitions.GetTypeAsync(typeName))?.Part(nameof(AutoroutePart))?.Settings.Prefix;
            var target = await contentManager.GetByPathAsync(Prefixed(prefix, slug), VersionOptions.Latest);
            if (target is not null && target.ContentType == typeName)
            {
                return target.ContentItemId;
            }
        }

        throw new SeedException(file.Path, line, $"找不到 {string.Join("/", types)}“{slug}”：请确认它的种子文件存在且没有错误。");
    }

    /// <summary>A date alone means midnight in China; a time without offset is China time too.</summary>
    private static DateTime ParseTime(FrontMatterFile file, string text, int line)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(text))
        {
            return withOffset.UtcDateTime;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), s_chinaOffset).UtcDateTime;
        }

        throw new SeedException(file.Path, line, $"“{text}”不是有效的日期或时间（例如 2026-09-14 或 2026-12-05T14:30:00+08:00）。");
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');

}

public static class SeedIds
{
    /// <summary>Seeded items get ids from their type and slug, so importing again updates instead of duplicating.</summary>
    public static string For(string contentType, string slug) => ContentIds.FromKey($"seed:{contentType}:{slug}");
}
