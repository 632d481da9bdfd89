namespace CivicsClass.Content.Parts;

/// <summary>Checks a part of an item against the part's settings in the item's type before any version is saved.</summary>
internal interface IPartValidator : IContentPartUnit
{
    Task ValidateAsync(PartValidationContext context);
}
