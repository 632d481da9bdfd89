namespace CivicsClass.Learning.Api;

/// <summary>A study session the server opened and times: the seconds it needs, and the media seconds to play when the lesson has audio or video.</summary>
internal sealed record Opened(string SessionId, int MinSeconds, int? MediaSecondsRequired);
