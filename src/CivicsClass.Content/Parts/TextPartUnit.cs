using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

/// <summary>
/// A part that is one line or paragraph of text in the editor's header: its field, its required and length rules
/// from the part's settings, and its seed key.
/// </summary>
internal abstract class TextPartUnit<TPart> : IPartEditor, IPartValidator, IPartSeedMapper where TPart : class, new()
{
    public string PartName => typeof(TPart).Name;

    public EditorPlacement Placement => EditorPlacement.Header;

    public IReadOnlyCollection<string> Keys => [SeedKey];

    /// <summary>The form field, also the part's property (<c>Title</c> posts as <c>Title</c>, errors go to <c>TitlePart.Title</c>).</summary>
    protected abstract string Field { get; }

    protected abstract string Label { get; }

    protected abstract string SeedKey { get; }

    /// <summary><c>text</c> for a line, <c>textarea</c> for a paragraph.</summary>
    protected abstract string Input { get; }

    /// <summary>Whether the text is required when the type's settings do not say.</summary>
    protected abstract bool RequiredUnlessSet { get; }

    /// <summary>The longest text when the type's settings do not say; none when null.</summary>
    protected virtual int? MaxLengthUnlessSet => null;

    protected abstract string? Read(TPart part);

    protected abstract TPart Make(string value);

    public Task BuildAsync(PartEditorContext context)
    {
        var settings = context.Part.Settings;
        context.Add(new(Field, Label, Input, $"{PartName}.{Field}", Read(context.Item.Part<TPart>()), Required: settings.Required == true, MaxLength: settings.MaxLength));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        context.Item.Apply(Make(Text(context.Form, Field)));
        return Task.CompletedTask;
    }

    public Task ValidateAsync(PartValidationContext context)
    {
        var text = Read(context.Item.Part<TPart>())?.Trim() ?? "";
        var settings = context.Part.Settings;
        if (text.Length == 0 && (settings.Required ?? RequiredUnlessSet))
        {
            context.Result.Fail($"{PartName}.{Field}", $"{Label}不能为空。");
        }
        else if ((settings.MaxLength ?? MaxLengthUnlessSet) is { } max && text.Length > max)
        {
            context.Result.Fail($"{PartName}.{Field}", $"{Label}不能超过 {max} 个字（现在是 {text.Length} 个）。");
        }

        return Task.CompletedTask;
    }

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        context.Item.Apply(Make(SeedValues.Scalar(context.File, value, line)));
        return Task.CompletedTask;
    }
}
