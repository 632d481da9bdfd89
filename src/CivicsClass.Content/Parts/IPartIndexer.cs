namespace CivicsClass.Content.Parts;

/// <summary>What of a part is searched: text for the summary and body, names that are searched and shown, and filter values.</summary>
public interface IPartIndexer : IContentPartUnit
{
    void Index(Items.ContentItem item, SearchContribution search);
}
