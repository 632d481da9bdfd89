namespace CivicsClass.Content.Parts;

/// <summary>
/// What a part shows on its item's page, as data: a value the page's template knows (<see cref="ContentDisplay.Set{T}"/>),
/// or a <see cref="PartSection"/> that every detail template renders the same way, so a new part needs no template.
/// </summary>
public interface IPartDisplay : IContentPartUnit
{
    Task DisplayAsync(PartDisplayContext context);
}
