using System.Globalization;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Seeds;

/// <summary>
/// Fills a content item from a seed file by the type's definition: well-known keys go to parts
/// (title, slug, summary, quiz, geo, items), any other key to the field of that name; references
/// are slugs, taxonomy terms are names. Every problem names the file and line.
/// </summary>
internal sealed class SeedMapper(IContentManager contentManager, ContentDefinitionManager definitions, TaxonomyService taxonomies, ISession session)
{
    private static readonly TimeSpan s_chinaOffset = TimeSpan.FromHours(8);

    public async Task<(ContentItem Item, bool Publish)> MapAsync(FrontMatterFile file, ContentTypeDefinition type, string slug)
    {
        var item = await contentManager.NewAsync(type.Name);
        item.ContentItemId = SeedIds.For(type.Name, slug);
        if (type.Has(nameof(MarkdownBodyPart)))
        {
            item.Apply(new MarkdownBodyPart { Markdown = file.Body });
        }

        if (type.Part(nameof(AutoroutePart)) is { } route)
        {
            item.Apply(new AutoroutePart { Path = Prefixed(route.Settings.Prefix, slug) });
        }

        var publish = true;
        foreach (var (key, value, line) in file.Entries)
        {
            switch (key.ToLowerInvariant())
            {
                case "type" or "slug":
                    break;
                case "title":
                    item.Apply(new TitlePart { Title = Scalar(file, value, line) });
                    break;
                case "summary":
                    item.Apply(new SummaryPart { Summary = Scalar(file, value, line) });
                    break;
                case "published":
                    var text = Scalar(file, value, line);
                    if (bool.TryParse(text, out var flag))
                    {
                        publish = flag;
                    }
                    else
                    {
                        item.PublishedUtc = ParseTime(file, text, line);
                    }

                    break;
                case "quiz":
                    item.Apply(MapQuiz(file, value, line));
                    break;
                case "geo":
                    item.Apply(MapGeo(file, value, line));
                    break;
                case "items" or "lessons":
                    item.Apply(new ListPart { ContentItemIds = await ResolveListAsync(file, type, value, line) });
                    break;
                case "panorama":
                    item.Apply(MapPanorama(file, value, line));
                    break;
                case "cover":
                    item.Apply(new MediaPart { Cover = Scalar(file, value, line) });
                    break;
                default:
                    await MapFieldAsync(file, type, item, key, value, line);
                    break;
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

    private async Task<List<string>> ResolveListAsync(FrontMatterFile file, ContentTypeDefinition type, YamlNode value, int line)
    {
        var contained = type.Part(nameof(ListPart))?.Settings.ContainedTypes
            ?? throw new SeedException(file.Path, line, $"类型 {type.Name} 没有列表部件，不能列出子项。");
        var ids = new List<string>();
        foreach (var entry in Values(file, value, line))
        {
            var colon = entry.IndexOf(':');
            var allowed = colon < 0
                ? contained
                : contained.Where(t => string.Equals(t, entry[..colon].Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (allowed.Count == 0)
            {
                throw new SeedException(file.Path, line, $"“{entry}”：{type.Name} 只能包含 {string.Join("、", contained)}。");
            }

            ids.Add(await ResolveAsync(file, allowed, colon < 0 ? entry : entry[(colon + 1)..].Trim(), line));
        }

        return ids;
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

    private static QuizPart MapQuiz(FrontMatterFile file, YamlNode value, int line)
    {
        if (value is not YamlSequenceNode questions)
        {
            throw new SeedException(file.Path, line, "quiz 应是题目的列表。");
        }

        var quiz = new QuizPart();
        foreach (var node in questions)
        {
            var questionLine = FrontMatterFile.LineOf(node);
            if (node is not YamlMappingNode question)
            {
                throw new SeedException(file.Path, questionLine, "每道题应包含 question、options、answer 和 explanation。");
            }

            string Get(string key) => question.Children.TryGetValue(new YamlScalarNode(key), out var v)
                ? Scalar(file, v, FrontMatterFile.LineOf(v))
                : throw new SeedException(file.Path, questionLine, $"这道题缺少 {key}。");
            var options = question.Children.TryGetValue(new YamlScalarNode("options"), out var o)
                ? Values(file, o, FrontMatterFile.LineOf(o)).ToList()
                : throw new SeedException(file.Path, questionLine, "这道题缺少 options。");
            var answer = int.TryParse(Get("answer"), out var a) && a >= 0 && a < options.Count
                ? a
                : throw new SeedException(file.Path, questionLine, $"answer 应是 0 到 {options.Count - 1} 之间的选项序号。");
            quiz.Questions.Add(new QuizQuestion
            {
                Question = Get("question"),
                Options = options,
                Answer = answer,
                Explanation = question.Children.ContainsKey(new YamlScalarNode("explanation")) ? Get("explanation") : null,
            });
        }

        return quiz;
    }

    private static GeoPointPart MapGeo(FrontMatterFile file, YamlNode value, int line)
    {
        double Coordinate(string key) =>
            value is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var v)
                && double.TryParse(Scalar(file, v, line), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d
                : throw new SeedException(file.Path, line, $"geo 需要数字形式的 {key}。");
        return new GeoPointPart { Latitude = Coordinate("lat"), Longitude = Coordinate("lng") };
    }

    /// <summary><c>panorama: { drawn: true, title: … }</c> for one the platform draws, or <c>{ image: /media/…, title: … }</c>.</summary>
    private static PanoramaPart MapPanorama(FrontMatterFile file, YamlNode value, int line)
    {
        string? Entry(string key) =>
            value is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? Scalar(file, v, line) : null;
        if (value is not YamlMappingNode)
        {
            throw new SeedException(file.Path, line, "panorama 应写成 { drawn: true, title: … } 或 { image: /media/…, title: … }。");
        }

        var drawn = Entry("drawn") is { } flag && (bool.TryParse(flag, out var d) ? d : throw new SeedException(file.Path, line, "panorama 的 drawn 应是 true 或 false。"));
        var image = Entry("image");
        if (drawn == (image is not null))
        {
            throw new SeedException(file.Path, line, "panorama 需要 image（媒体库地址）或 drawn: true，二者选一。");
        }

        return new PanoramaPart { Panoramas = [new Panorama { Image = image, Drawn = drawn, Title = Entry("title") }] };
    }

    private static string Scalar(FrontMatterFile file, YamlNode node, int line) =>
        node is YamlScalarNode { Value: { } value }
            ? value.Trim()
            : throw new SeedException(file.Path, line, "这里应是一个值，而不是列表或映射。");

    private static IEnumerable<string> Values(FrontMatterFile file, YamlNode node, int line) => node switch
    {
        YamlSequenceNode sequence => sequence.Select(n => Scalar(file, n, FrontMatterFile.LineOf(n))).Where(v => v.Length > 0).ToList(),
        YamlScalarNode scalar when string.IsNullOrWhiteSpace(scalar.Value) => [],
        _ => [Scalar(file, node, line)],
    };

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

    private static string Prefixed(string? prefix, string slug) => string.IsNullOrEmpty(prefix) ? slug : $"{prefix.TrimEnd('/')}/{slug}";
}

public static class SeedIds
{
    /// <summary>Seeded items get ids from their type and slug, so importing again updates instead of duplicating.</summary>
    public static string For(string contentType, string slug) => ContentIds.FromKey($"seed:{contentType}:{slug}");
}
