using CivicsClass.Content.Items;

namespace CivicsClass.Content.Parts;

/// <summary>Asks the parts an item carries for their share of its card: address, summary, cover.</summary>
public sealed class ContentCardParts(IEnumerable<IPartCard> cards)
{
    private readonly IReadOnlyList<IPartCard> _cards = cards.ToList();

    public CardFacts Describe(ContentItem item)
    {
        var facts = new CardFacts();
        foreach (var card in _cards)
        {
            card.Describe(item, facts);
        }

        return facts;
    }
}
