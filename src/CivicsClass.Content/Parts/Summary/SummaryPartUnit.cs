using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

internal sealed class SummaryPartUnit : IPartEditor, IPartValidator, IPartCard, IPartIndexer, IPartSeedMapper
{
    public string PartName => nameof(SummaryPart);

    public EditorPlacement Placement => EditorPlacement.Header;

    public IReadOnlyCollection<string> Keys { get; } = ["summary"];

    public Task BuildAsync(PartEditorContext context)
    {
        var settings = context.Part.Settings;
        context.Add(new("Summary", "摘要", "textarea", "SummaryPart.Summary", context.Item.Part<SummaryPart>().Summary, Required: settings.Required == true, MaxLength: settings.MaxLength));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        context.Item.Apply(new SummaryPart { Summary = Text(context.Form, "Summary") });
        return Task.CompletedTask;
    }

    public Task ValidateAsync(PartValidationContext context)
    {
        var summary = context.Item.Part<SummaryPart>().Summary ?? "";
        var settings = context.Part.Settings;
        if (settings.Required == true && summary.Trim().Length == 0)
        {
            context.Result.Fail("SummaryPart.Summary", "摘要不能为空。");
        }

        if (settings.MaxLength is { } max && summary.Length > max)
        {
            context.Result.Fail("SummaryPart.Summary", $"摘要不能超过 {max} 个字（现在是 {summary.Length} 个）。");
        }

        return Task.CompletedTask;
    }

    public void Describe(ContentItem item, CardFacts card) =>
        card.Summary = item.Get<SummaryPart>(nameof(SummaryPart))?.Summary is { } summary && !string.IsNullOrWhiteSpace(summary) ? summary : null;

    public void Index(ContentItem item, SearchContribution search) => search.Summary = item.Get<SummaryPart>(nameof(SummaryPart))?.Summary ?? "";

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        context.Item.Apply(new SummaryPart { Summary = SeedValues.Scalar(context.File, value, line) });
        return Task.CompletedTask;
    }
}
