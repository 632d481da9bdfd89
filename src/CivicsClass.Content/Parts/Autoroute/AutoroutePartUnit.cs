using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

internal sealed partial class AutoroutePartUnit : IPartEditor, IPartValidator, IPartCard, IPartIndexer, IPartSeedMapper
{
    public string PartName => nameof(AutoroutePart);

    public EditorPlacement Placement => EditorPlacement.Header;

    /// <summary>The slug is the file's, not a key of its own.</summary>
    public IReadOnlyCollection<string> Keys { get; } = [];

    public Task BuildAsync(PartEditorContext context)
    {
        var prefix = context.Part.Settings.Prefix ?? "";
        var path = context.Item.Part<AutoroutePart>().Path;
        var slug = path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[(prefix.Length + 1)..] : path;
        context.Add(new("Slug", "网址", "slug", "AutoroutePart.Path", slug, Required: false, Prefix: "/" + prefix + "/",
            Hint: "留空则由标题的拼音生成，例如 anyuan-lukuang-gongren-da-bagong；也可以自己填写小写字母、数字和连字符。"));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        var slug = Text(context.Form, "Slug").Trim('/').ToLowerInvariant();
        context.Item.Apply(new AutoroutePart { Path = slug.Length == 0 ? "" : $"{context.Part.Settings.Prefix}/{slug}" });
        return Task.CompletedTask;
    }

    public async Task ValidateAsync(PartValidationContext context)
    {
        var path = context.Item.Part<AutoroutePart>().Path;
        var result = context.Result;
        if (string.IsNullOrEmpty(path))
        {
            result.Fail("AutoroutePart.Path", "地址不能为空：请填写地址，或者先填写标题，由标题的拼音生成。");
            return;
        }

        var prefix = context.Part.Settings.Prefix?.Trim('/');
        var slug = string.IsNullOrEmpty(prefix) ? path : path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[(prefix.Length + 1)..] : null;
        if (slug is null || !SlugPattern().IsMatch(slug) || path.Length > 200)
        {
            var shape = string.IsNullOrEmpty(prefix) ? "" : $"“{prefix}/”加上";
            result.Fail("AutoroutePart.Path", $"地址“{path}”应是{shape}由字母、数字、汉字和连字符组成的名字，且不超过 200 个字符。");
            return;
        }

        if (await ContentItemValidator.IsPathTakenAsync(context.Session, path, context.Item.ContentItemId))
        {
            // Only that it is taken: the other item may be someone else's private draft.
            result.Fail("AutoroutePart.Path", $"地址“{path}”已被占用，请换一个。");
        }
    }

    public void Describe(ContentItem item, CardFacts card) => card.Url = AutorouteUrl.Of(item);

    public void Index(ContentItem item, SearchContribution search) =>
        search.Path = item.Get<AutoroutePart>(nameof(AutoroutePart))?.Path is { Length: > 0 } path ? "/" + path : "";

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line) => Task.CompletedTask;

    public Task MapFileAsync(PartSeedContext context)
    {
        context.Item.Apply(new AutoroutePart { Path = SeedValues.Prefixed(context.Type.Part(PartName)?.Settings.Prefix, context.Slug) });
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-_]*$")]
    private static partial Regex SlugPattern();
}
