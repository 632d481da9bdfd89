namespace CivicsClass.Content.Parts;

/// <summary>
/// What a part contributes, one role per interface (<see cref="IPartEditor"/>, <see cref="IPartValidator"/>,
/// <see cref="IPartDisplay"/>, <see cref="IPartCard"/>, <see cref="IPartIndexer"/>, <see cref="IPartSeedMapper"/>):
/// a part's unit implements the roles it needs, and the form, validator, pages, search and seeds loop over them.
/// </summary>
public interface IContentPartUnit
{
    /// <summary>The part's name as type definitions and items store it, e.g. <c>TitlePart</c>.</summary>
    string PartName { get; }
}
