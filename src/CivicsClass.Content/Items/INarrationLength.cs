namespace CivicsClass.Content.Items;

/// <summary>
/// How long a lesson's narration (the lesson read aloud, made in the background) lasts once it is made,
/// for modules that count listening — study sessions — without knowing how narration is made.
/// </summary>
public interface INarrationLength
{
    /// <summary>The seconds of the item's narration that is ready to play, or null when there is none.</summary>
    Task<double?> SecondsAsync(string contentItemId);
}
