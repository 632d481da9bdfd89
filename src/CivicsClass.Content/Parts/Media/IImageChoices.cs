namespace CivicsClass.Content.Parts;

/// <summary>The library images an editor may pick as a cover, newest first; the media module implements it.</summary>
public interface IImageChoices
{
    Task<IReadOnlyList<ImageChoice>> RecentAsync();
}
