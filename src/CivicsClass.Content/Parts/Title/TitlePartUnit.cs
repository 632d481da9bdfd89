using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

internal sealed class TitlePartUnit : IPartEditor, IPartValidator, IPartSeedMapper
{
    private const int DefaultTitleLength = 200;

    public string PartName => nameof(TitlePart);

    public EditorPlacement Placement => EditorPlacement.Header;

    public IReadOnlyCollection<string> Keys { get; } = ["title"];

    public Task BuildAsync(PartEditorContext context)
    {
        var settings = context.Part.Settings;
        context.Add(new("Title", "标题", "text", "TitlePart.Title", context.Item.Part<TitlePart>().Title, Required: settings.Required == true, MaxLength: settings.MaxLength));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        context.Item.Apply(new TitlePart { Title = Text(context.Form, "Title") });
        return Task.CompletedTask;
    }

    public Task ValidateAsync(PartValidationContext context)
    {
        var title = context.Item.Part<TitlePart>().Title?.Trim() ?? "";
        var settings = context.Part.Settings;
        var max = settings.MaxLength ?? DefaultTitleLength;
        if (title.Length == 0 && settings.Required != false)
        {
            context.Result.Fail("TitlePart.Title", "标题不能为空。");
        }
        else if (title.Length > max)
        {
            context.Result.Fail("TitlePart.Title", $"标题不能超过 {max} 个字（现在是 {title.Length} 个）。");
        }

        return Task.CompletedTask;
    }

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        context.Item.Apply(new TitlePart { Title = SeedValues.Scalar(context.File, value, line) });
        return Task.CompletedTask;
    }
}
