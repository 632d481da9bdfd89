using CivicsClass.Content.Taxonomies;
using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Identity;
using CivicsClass.Accounts;
using CivicsClass.Media;
using CivicsClass.Media.Library;
using CivicsClass.Media.Panoramas;
using CivicsClass.Media.Storage;
using static CivicsClass.Editorial.PostedForm;

namespace CivicsClass.Editorial;

/// <summary>
/// The editor of any content type, generated from its definition: one input per part and field,
/// read back from the posted form into the item. Errors are keyed by the validator's member names,
/// so a message appears beside the input it is about.
/// </summary>
public sealed class ContentForm(IContentManager content, TermCache terms, UserManager<User> users, ContentRows rows, MediaLibrary media, Accounts.Permissions permissions,
    PanoramaEditor panoramas)
{
    public const int MaxPickerOptions = 500;
    public const int MaxMediaChoices = 48;

    public async Task<IReadOnlyList<EditorField>> BuildAsync(ContentTypeDefinition type, ContentItem item, bool canChooseOwner)
    {
        var fields = new List<EditorField>();
        if (type.Part(nameof(TitlePart)) is { } title)
        {
            fields.Add(new("Title", "标题", "text", "TitlePart.Title", item.Part<TitlePart>().Title, Required: title.Settings.Required == true, MaxLength: title.Settings.MaxLength));
        }

        if (type.Part(nameof(AutoroutePart)) is { } route)
        {
            var prefix = route.Settings.Prefix ?? "";
            var path = item.Part<AutoroutePart>().Path;
            var slug = path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[(prefix.Length + 1)..] : path;
            fields.Add(new("Slug", "网址", "slug", "AutoroutePart.Path", slug, Required: false, Prefix: "/" + prefix + "/", Hint: "留空则由标题的拼音生成，例如 anyuan-lukuang-gongren-da-bagong；也可以自己填写小写字母、数字和连字符。"));
        }

        if (type.Part(nameof(SummaryPart)) is { } summary)
        {
            fields.Add(new("Summary", "摘要", "textarea", "SummaryPart.Summary", item.Part<SummaryPart>().Summary, Required: summary.Settings.Required == true, MaxLength: summary.Settings.MaxLength));
        }

        foreach (var field in type.Fields.Where(f => !f.Settings.Derived))
        {
            fields.Add(await FieldAsync(item, field));
        }

        if (type.Has(nameof(MarkdownBodyPart)))
        {
            fields.Add(new("Markdown", "正文（Markdown）", "markdown", "MarkdownBodyPart.Markdown", item.Part<MarkdownBodyPart>().Markdown,
                Hint: "支持 Markdown：# 标题、**加粗**、- 列表、[链接](https://…)；不支持 HTML。"));
        }

        if (type.Has(nameof(MediaPart)))
        {
            var cover = item.Part<MediaPart>().Cover;
            var everyone = await permissions.HasAsync(MediaPermissions.ManageMedia);
            var (recent, _) = await media.ListAsync(new MediaFilter(UploadedBy: everyone ? null : permissions.UserId ?? "-", Kind: MediaKind.Image, Take: MaxMediaChoices));
            // Each choice is named by its file, so a screen reader says which image a radio button picks.
            var library = recent.Select(f => new EditorOption(f.Url, f.Name)).ToList();
            var options = cover is null || library.Any(o => o.Value == cover) ? library : library.Prepend(new EditorOption(cover, cover)).ToList();
            fields.Add(new("Cover", "封面图片", "image", "MediaPart.Cover", cover, Hint: "上传新图片（JPEG、PNG、WebP 或 GIF，按内容识别），或从媒体库中选择。",
                Options: options));
        }

        if (type.Has(nameof(PanoramaPart)))
        {
            var everyone = await permissions.HasAsync(MediaPermissions.ManageMedia);
            var (recent, _) = await media.ListAsync(new MediaFilter(UploadedBy: everyone ? null : permissions.UserId ?? "-", Kind: MediaKind.Image, Take: MaxMediaChoices));
            fields.Add(new("Panoramas", "360° 全景图", "lines", PanoramaEditor.LinesKey, PanoramaEditor.Lines(item.Part<PanoramaPart>()), Hint: PanoramaEditor.Hint));
            fields.Add(new("Panorama", "添加全景图", "image", PanoramaEditor.AddKey, null, Hint: "上传宽高比 2:1 的 360° 全景照片（JPEG、PNG 或 WebP，按内容识别），或从媒体库中选择。",
                Options: PanoramaEditor.Choices(recent).Select(url => new EditorOption(url, url)).ToList()));
        }

        if (type.Has(nameof(MediaPlayerPart)))
        {
            var player = item.Part<MediaPlayerPart>();
            fields.Add(new("VideoUrl", "视频地址", "url", "MediaPlayerPart.VideoUrl", player.VideoUrl, Hint: "媒体库里的 MP4，或 http(s) 地址。", MediaPicker: "video"));
            fields.Add(new("AudioUrl", "音频地址", "url", "MediaPlayerPart.AudioUrl", player.AudioUrl, Hint: "媒体库里的 MP3、M4A，或 http(s) 地址。", MediaPicker: "audio"));
        }

        if (type.Has(nameof(GeoPointPart)))
        {
            var point = item.Part<GeoPointPart>();
            fields.Add(new("Geo", "地图坐标（纬度、经度）", "geo", "GeoPointPart", Format(point.Latitude), Value2: Format(point.Longitude)));
        }

        if (type.Part(nameof(ListPart)) is { } list)
        {
            var ids = item.Part<ListPart>().ContentItemIds;
            var listed = await content.GetManyAsync(ids, VersionOptions.Latest);
            fields.Add(new("List", type.Name == "Topic" ? "专题内容（按顺序）" : "包含的课程（按顺序）", "list", "ListPart.ContentItemIds",
                List: await Task.WhenAll(listed.Select(async i => new ListRow(i.ContentItemId, $"{i.DisplayText}（{await rows.TypeNameAsync(i.ContentType)}）"))),
                Options: await OptionsAsync(list.Settings.ContainedTypes ?? []), Hint: "用“上移”“下移”调整顺序，也可以拖动。"));
        }

        if (type.Has(nameof(QuizPart)))
        {
            var quiz = item.Part<QuizPart>().Questions
                .Select(q => new QuizRow(q.Question, string.Join('\n', q.Options), q.Answer + 1, q.Explanation)).ToList();
            fields.Add(new("Quiz", "课后测验", "quiz", "QuizPart.Questions", Quiz: quiz, Hint: "每行一个选项；正确答案填选项的序号（从 1 开始）。"));
        }

        if (canChooseOwner)
        {
            var owner = item.Owner is null ? null : await users.FindByIdAsync(item.Owner);
            fields.Add(new("Owner", "所有者账号", "owner", "Owner", owner?.UserName, Hint: "讲师本人的账号：填写后，讲师可以修改这条内容。"));
        }

        return fields;
    }

    /// <summary>Reads the posted form into the item; values that cannot be read (a number that is not one) are reported in <paramref name="errors"/>.</summary>
    public async Task ApplyAsync(ContentTypeDefinition type, ContentItem item, IFormCollection form, FormErrors errors, bool canChooseOwner)
    {
        if (type.Has(nameof(TitlePart)))
        {
            item.Apply(new TitlePart { Title = Text(form, "Title") });
        }

        if (type.Part(nameof(AutoroutePart)) is { } route)
        {
            var slug = Text(form, "Slug").Trim('/').ToLowerInvariant();
            item.Apply(new AutoroutePart { Path = slug.Length == 0 ? "" : $"{route.Settings.Prefix}/{slug}" });
        }

        if (type.Has(nameof(SummaryPart)))
        {
            item.Apply(new SummaryPart { Summary = Text(form, "Summary") });
        }

        if (type.Has(nameof(MarkdownBodyPart)))
        {
            item.Apply(new MarkdownBodyPart { Markdown = ((string?)form["Markdown"] ?? "").Replace("\r\n", "\n", StringComparison.Ordinal) });
        }

        if (type.Has(nameof(MediaPart)))
        {
            var media = item.Part<MediaPart>();
            media.Cover = Url(form, "Cover", "MediaPart.Cover", errors);
            item.Apply(media);
        }

        if (type.Has(nameof(PanoramaPart)))
        {
            await panoramas.ApplyAsync(item, form["Panoramas"], form["Panorama"], errors);
        }

        if (type.Has(nameof(MediaPlayerPart)))
        {
            var player = item.Part<MediaPlayerPart>();
            player.VideoUrl = Url(form, "VideoUrl", "MediaPlayerPart.VideoUrl", errors);
            player.AudioUrl = Url(form, "AudioUrl", "MediaPlayerPart.AudioUrl", errors);
            item.Apply(player);
        }

        if (type.Has(nameof(GeoPointPart)))
        {
            item.Apply(new GeoPointPart
            {
                Latitude = (double?)Number(form, "Latitude", "GeoPointPart", errors),
                Longitude = (double?)Number(form, "Longitude", "GeoPointPart", errors),
            });
        }

        if (type.Has(nameof(ListPart)))
        {
            item.Apply(new ListPart { ContentItemIds = form["List"].OfType<string>().Where(s => s.Length > 0).Distinct().ToList() });
        }

        if (type.Has(nameof(QuizPart)))
        {
            item.Apply(new QuizPart { Questions = Quiz(form, errors) });
        }

        foreach (var field in type.Fields.Where(f => !f.Settings.Derived))
        {
            ApplyField(item, field, form, errors);
        }

        if (canChooseOwner)
        {
            var ownerName = Text(form, "Owner");
            if (ownerName.Length == 0)
            {
                return;
            }

            var owner = await AccountName.FindAsync(users, ownerName);
            if (owner is null)
            {
                errors.Add("Owner", $"没有账号“{ownerName}”。");
            }
            else
            {
                item.Owner = owner.UserId;
            }
        }
    }

    private async Task<EditorField> FieldAsync(ContentItem item, ContentFieldDefinition field)
    {
        var key = $"{item.ContentType}.{field.Name}";
        var name = "F." + field.Name;
        var label = string.IsNullOrEmpty(field.DisplayName) ? field.Name : field.DisplayName;
        var settings = field.Settings;
        switch (field.Type)
        {
            case nameof(TextField):
                var text = item.Field<TextField>(field.Name);
                if (settings.Options is { Count: > 0 } choices)
                {
                    return new(name, label, "choice", key, text?.Text, Options: choices.Select(c => new EditorOption(c, c)).ToList(), Required: settings.Required, Hint: settings.Hint);
                }

                return settings.Multiple
                    ? new(name, label, "lines", key, string.Join('\n', text?.Values ?? []), Required: settings.Required, MaxLength: settings.MaxLength, Hint: settings.Hint ?? "每行一项。")
                    : new(name, label, "text", key, text?.Text, Required: settings.Required, MaxLength: settings.MaxLength, Hint: settings.Hint);
            case nameof(NumericField):
                return new(name, label, "number", key, Format(item.Field<NumericField>(field.Name)?.Value), Required: settings.Required, Hint: settings.Hint);
            case nameof(BooleanField):
                return new(name, label, "boolean", key, item.Field<BooleanField>(field.Name)?.Value == true ? "true" : null, Hint: settings.Hint);
            case nameof(DateTimeField):
                var date = item.Field<DateTimeField>(field.Name)?.Value;
                return new(name, label, "date", key, date is null ? null : SiteTime.ToLocal(date.Value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                    Required: settings.Required, Hint: settings.Hint ?? "北京时间");
            case nameof(ContentPickerField):
                return new(name, label, "picker", key, Values: item.Field<ContentPickerField>(field.Name)?.ContentItemIds ?? [],
                    Options: await OptionsAsync(settings.AllowedTypes ?? []), Required: settings.Required, Multiple: settings.Multiple, Hint: settings.Hint);
            case nameof(TaxonomyField):
                var taxonomy = settings.Taxonomy is null ? null : (await terms.GetAsync()).GetValueOrDefault(settings.Taxonomy);
                return new(name, label, "terms", key, Values: item.Field<TaxonomyField>(field.Name)?.TermIds ?? [],
                    Options: taxonomy?.Indented().Select(t => new EditorOption(t.Term.Id, t.Term.Name, t.Depth)).ToList() ?? [],
                    Required: settings.Required, Multiple: settings.Multiple, Hint: settings.Hint);
            case nameof(LinkField):
                return new(name, label, "url", key, item.Field<LinkField>(field.Name)?.Url, Required: settings.Required, Hint: settings.Hint);
            default:
                return new(name, label, "text", key, item.Field<TextField>(field.Name)?.Text, Hint: settings.Hint);
        }
    }

    private async Task<IReadOnlyList<EditorOption>> OptionsAsync(IReadOnlyList<string> types)
    {
        if (types.Count == 0)
        {
            return [];
        }

        var page = await content.QueryAsync(new ContentQuery { ContentTypes = types, Latest = true, OrderBy = ContentOrder.TitleAscending, Take = MaxPickerOptions, IncludeTotal = false });
        var options = new List<EditorOption>(page.Items.Count);
        foreach (var item in page.Items)
        {
            options.Add(new EditorOption(item.ContentItemId, types.Count > 1 ? $"{item.DisplayText}（{await rows.TypeNameAsync(item.ContentType)}）" : item.DisplayText));
        }

        return options;
    }

    private static string? Format(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A lecturer writing a lesson is its lecturer: their own profile is chosen for them.</summary>
    public async Task PrefillLecturerAsync(ContentTypeDefinition definition, ContentItem item)
    {
        if (definition.Fields.FirstOrDefault(f => f.Type == nameof(ContentPickerField) && f.Settings.AllowedTypes?.Contains("Lecturer") == true) is not { } field
            || permissions.UserId is not { } userId)
        {
            return;
        }

        var own = await content.QueryAsync(new ContentQuery { ContentType = "Lecturer", Latest = true, Owner = userId, Take = 1, IncludeTotal = false });
        if (own.Items.FirstOrDefault() is { } profile)
        {
            item.SetField(field.Name, new ContentPickerField { ContentItemIds = [profile.ContentItemId] });
        }
    }
}
