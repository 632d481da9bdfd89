namespace CivicsClass.Content.Items;

/// <summary>Makes the name in an item's address from its title: lower-case Latin letters, digits and hyphens.</summary>
public interface ISlugGenerator
{
    /// <summary>The slug for <paramref name="title"/>; empty when nothing in it can be written so.</summary>
    string FromTitle(string title);
}
