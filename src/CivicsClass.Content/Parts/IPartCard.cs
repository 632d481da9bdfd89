namespace CivicsClass.Content.Parts;

/// <summary>What a part gives the card that stands for its item in lists: address, summary, cover.</summary>
public interface IPartCard : IContentPartUnit
{
    void Describe(Items.ContentItem item, CardFacts card);
}
