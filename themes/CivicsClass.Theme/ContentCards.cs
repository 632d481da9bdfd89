using CivicsClass.Content.Items;
using CivicsClass.Theme.Models;

namespace CivicsClass.Theme;

/// <summary>Content items as the theme's cards, and the address each one opens, for modules whose pages list content.</summary>
public interface IContentCards
{
    Task<IReadOnlyList<ContentCard>> CardsAsync(IReadOnlyList<ContentItem> items);

    string UrlOf(ContentItem item);
}
