using CivicsClass.Content.Fields;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Items;

internal sealed record ContentItemIndex(
    string ContentItemId, string ContentItemVersionId, string ContentType, string DisplayText, string? Path, string? Alias,
    string Status, bool Latest, bool Published, string? Owner, string? Author,
    DateTime CreatedUtc, DateTime ModifiedUtc, DateTime? PublishedUtc, int Number);

/// <summary>One row per taxonomy term an item version carries.</summary>
internal sealed record ContentTermIndex(string ContentItemId, string Field, string TermId, bool Latest, bool Published);

/// <summary>One row per item a version points at: list children (field <c>ListPart</c>) and picker fields.</summary>
internal sealed record ContentReferenceIndex(string ContentItemId, string Field, string TargetId, int Position, bool Latest, bool Published);

/// <summary>One row per value of a text, number, yes/no or date field, for filters such as format, length or "featured".</summary>
internal sealed record ContentFieldIndex(string ContentItemId, string ContentType, string Field, string? TextValue, decimal? NumberValue, DateTime? DateValue,
    bool Latest, bool Published);

internal sealed class ContentFieldIndexProvider : IndexProvider<ContentItem, ContentFieldIndex>
{
    public override string Table => "content_field_index";

    protected override IEnumerable<ContentFieldIndex> Map(ContentItem item) =>
        item.Latest || item.Published
            ? ContentFieldReader.Values(item).Select(v => new ContentFieldIndex(item.ContentItemId, item.ContentType, v.Field, v.Text, v.Number, v.Date, item.Latest, item.Published))
            : [];
}

internal sealed class ContentItemIndexProvider : IndexProvider<ContentItem, ContentItemIndex>
{
    public override string Table => "content_item_index";

    protected override IEnumerable<ContentItemIndex> Map(ContentItem item)
    {
        var path = item.Get<AutoroutePart>(nameof(AutoroutePart))?.Path;
        var alias = item.Get<AliasPart>(nameof(AliasPart))?.Alias;
        yield return new ContentItemIndex(item.ContentItemId, item.ContentItemVersionId, item.ContentType, item.DisplayText,
            string.IsNullOrEmpty(path) ? null : path, string.IsNullOrEmpty(alias) ? null : alias,
            item.Status.ToString(), item.Latest, item.Published, item.Owner, item.Author,
            item.CreatedUtc, item.ModifiedUtc, item.PublishedUtc, item.Number);
    }
}

internal sealed class ContentTermIndexProvider : IndexProvider<ContentItem, ContentTermIndex>
{
    public override string Table => "content_term_index";

    // Only versions someone can reach are indexed; history does not need term lookups.
    protected override IEnumerable<ContentTermIndex> Map(ContentItem item) =>
        item.Latest || item.Published
            ? ContentFieldReader.Fields(item, "TaxonomyField")
                .SelectMany(f => (f.Value.Deserialize<TaxonomyField>()?.TermIds ?? []).Distinct()
                    .Select(termId => new ContentTermIndex(item.ContentItemId, f.Name, termId, item.Latest, item.Published)))
            : [];
}

internal sealed class ContentReferenceIndexProvider : IndexProvider<ContentItem, ContentReferenceIndex>
{
    public override string Table => "content_reference_index";

    protected override IEnumerable<ContentReferenceIndex> Map(ContentItem item)
    {
        if (!item.Latest && !item.Published)
        {
            yield break;
        }

        var children = item.Get<ListPart>(nameof(ListPart))?.ContentItemIds ?? [];
        for (var i = 0; i < children.Count; i++)
        {
            yield return new ContentReferenceIndex(item.ContentItemId, nameof(ListPart), children[i], i, item.Latest, item.Published);
        }

        foreach (var field in ContentFieldReader.Fields(item, "ContentPickerField"))
        {
            var targets = field.Value.Deserialize<ContentPickerField>()?.ContentItemIds ?? [];
            for (var i = 0; i < targets.Count; i++)
            {
                yield return new ContentReferenceIndex(item.ContentItemId, field.Name, targets[i], i, item.Latest, item.Published);
            }
        }
    }
}
