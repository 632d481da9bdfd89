using CivicsClass.Content.Items;

namespace CivicsClass.Media.Forms;

/// <summary>
/// Makes one form of an item (narration; later a mind map, a long image, a cover) from what the item
/// says. The form is keyed by <see cref="SourceHash"/>: while the hash stays the same the form is never
/// made again, and a changed hash queues a new job.
/// </summary>
internal interface ILessonFormGenerator
{
    /// <summary>A short lower-case name: <c>narration</c>, <c>mindmap</c> …; it names jobs and the API's forms.</summary>
    string Kind { get; }

    /// <summary>The content types that may get this form (a site that had them before the form existed gets it for all of them).</summary>
    IReadOnlyList<string> ContentTypes { get; }

    /// <summary>A hash of everything the form is made from (text, voice, settings), or null when this item gets no such form.</summary>
    string? SourceHash(ContentItem item);

    /// <summary>Writes the form into <paramref name="workFolder"/>; throws <see cref="FormEngineUnavailableException"/> when its engine is missing.</summary>
    Task<GeneratedForm> GenerateAsync(ContentItem item, string workFolder, CancellationToken cancellationToken);

    /// <summary>What the form will present while it is not ready (narration: its sentences, for the device's own voice).</summary>
    IReadOnlyList<SentenceTiming>? Outline(ContentItem item) => null;

    /// <summary>Whether the engine can run on this node now; jobs set aside as "engine unavailable" are queued again at start when it can.</summary>
    bool IsAvailable { get; }
}
