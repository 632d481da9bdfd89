using CivicsClass.Media.Forms;

namespace CivicsClass.Web.Api;

/// <summary>
/// A form made from an item (<c>narration</c>: the lesson read aloud; <c>mindmap</c>: its mind map as a PNG to share). <c>state</c> is <c>ready</c> when
/// <c>url</c> can be fetched; <c>pending</c> or <c>running</c> while it is made; <c>unavailable</c> when this
/// site has no engine for it (for narration, read <c>sentences</c> with the device's own voice); <c>failed</c>.
/// For narration, <c>sentences</c> lists each sentence as shown with the seconds at which it starts and ends
/// in the audio (null until it is ready).
/// </summary>
public sealed record ItemForm(string Kind, string State, string? Url, string? MediaType, long? Size, double? DurationSeconds,
    IReadOnlyList<SentenceTiming>? Sentences);
