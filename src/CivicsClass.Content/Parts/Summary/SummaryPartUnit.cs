using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

internal sealed class SummaryPartUnit : TextPartUnit<SummaryPart>, IPartCard, IPartIndexer
{
    protected override string Field => "Summary";

    protected override string Label => "摘要";

    protected override string SeedKey => "summary";

    protected override string Input => "textarea";

    protected override bool RequiredUnlessSet => false;

    protected override string? Read(SummaryPart part) => part.Summary;

    protected override SummaryPart Make(string value) => new() { Summary = value };

    public void Describe(ContentItem item, CardFacts card) =>
        card.Summary = item.Get<SummaryPart>(nameof(SummaryPart))?.Summary is { } summary && !string.IsNullOrWhiteSpace(summary) ? summary : null;

    public void Index(ContentItem item, SearchContribution search) => search.Summary = item.Get<SummaryPart>(nameof(SummaryPart))?.Summary ?? "";
}
