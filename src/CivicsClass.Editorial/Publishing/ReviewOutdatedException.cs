namespace CivicsClass.Editorial.Publishing;

/// <summary>The version an editor reviewed is no longer the one waiting for review; answered with 409 and the new changes.</summary>
internal sealed class ReviewOutdatedException() : Exception("The reviewed version is no longer the latest version in review.");
