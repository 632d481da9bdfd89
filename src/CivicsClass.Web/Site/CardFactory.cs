using CivicsClass.Content.Taxonomies;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Media.Generated;
using CivicsClass.Theme.Models;

namespace CivicsClass.Web.Site;

/// <summary>
/// Turns content items into cards: address, summary and cover from the item's parts, byline and badge from its
/// type's fields. The people and places cards mention (a lesson's lecturer, an
/// event's venue) are fetched for a whole list in one query, never one per card. An item without an
/// uploaded cover gets its generated one (a portrait mark for a lecturer), so no card is a blank block.
/// </summary>
public sealed class CardFactory(IContentManager contentManager, ContentDefinitionManager definitions, TermCache terms, GeneratedImageSpecs generated,
    ContentCardParts parts)
    : Theme.IContentCards
{
    public static string UrlOf(ContentItem item) => AutorouteUrl.Of(item);

    string Theme.IContentCards.UrlOf(ContentItem item) => UrlOf(item);

    public async Task<ContentCard> CardAsync(ContentItem item) => (await CardsAsync([item]))[0];

    public async Task<IReadOnlyList<ContentCard>> CardsAsync(IReadOnlyList<ContentItem> items)
    {
        var referenced = items.SelectMany(i => new[] { FirstPicked(i, "Lecturer"), FirstPicked(i, "Venue") }).OfType<string>().Distinct().ToList();
        var related = (await contentManager.GetManyAsync(referenced)).ToDictionary(i => i.ContentItemId);
        var taxonomies = await terms.GetAsync();
        var types = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName);
        var facts = items.Select(parts.Describe).ToList();
        var generatedCovers = new List<string?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            generatedCovers.Add(facts[i].Cover is { Length: > 0 } ? null : await generated.CoverUrlAsync(items[i]));
        }

        string? TermName(ContentItem item, string field, string taxonomy) =>
            item.Field<TaxonomyField>(field)?.TermIds.Select(id => taxonomies.GetValueOrDefault(taxonomy)?.Name(id)).OfType<string>().FirstOrDefault();
        string? Title(string? id) => id is not null && related.TryGetValue(id, out var target) ? target.DisplayText : null;

        return items.Select((item, index) =>
        {
            var (byline, badge) = item.ContentType switch
            {
                "Lesson" => (Title(FirstPicked(item, "Lecturer")), TermName(item, "Themes", "Theme")),
                "Lecturer" => (item.Field<TextField>("Employer")?.Text, TermName(item, "Category", "LecturerCategory")),
                "Venue" => (TermName(item, "Regions", "Region"), TermName(item, "Kind", "VenueKind")),
                "Event" => (Title(FirstPicked(item, "Venue")), null),
                _ => ((string?)null, (string?)null),
            };
            var date = item.ContentType == "Event" ? item.Field<DateTimeField>("StartsAt")?.Value : item.PublishedUtc;
            return new ContentCard(
                item.ContentItemId,
                item.ContentType,
                types.GetValueOrDefault(item.ContentType) ?? item.ContentType,
                item.DisplayText,
                facts[index].Summary,
                facts[index].Url ?? UrlOf(item),
                Cover: generatedCovers[index] ?? facts[index].Cover,
                Byline: byline,
                DurationMinutes: item.Field<NumericField>("Duration")?.Value is { } minutes ? (int)minutes : null,
                Format: item.Field<TextField>("Format")?.Text,
                Date: date,
                Badge: badge,
                GeneratedCover: generatedCovers[index] is not null);
        }).ToList();
    }

    public async Task<IReadOnlyList<TermLink>> TermLinksAsync(ContentItem item, string field, string taxonomy, string filterKey)
    {
        var taxonomies = await terms.GetAsync();
        var names = item.Field<TaxonomyField>(field)?.TermIds.Select(id => taxonomies.GetValueOrDefault(taxonomy)?.Name(id)).OfType<string>() ?? [];
        return names.Select(name => new TermLink(name, $"/lessons?{filterKey}={Uri.EscapeDataString(name)}")).ToList();
    }

    public async Task<IReadOnlyList<string>> TermNamesAsync(ContentItem item, string field, string taxonomy)
    {
        var taxonomies = await terms.GetAsync();
        return item.Field<TaxonomyField>(field)?.TermIds.Select(id => taxonomies.GetValueOrDefault(taxonomy)?.Name(id)).OfType<string>().ToList() ?? [];
    }

    public static string? FirstPicked(ContentItem item, string field) => item.Field<ContentPickerField>(field)?.ContentItemIds.FirstOrDefault();
}
