namespace CivicsClass.Learning.Api;

/// <summary>
/// A study session the server opened and times: the seconds it needs, the media seconds to play when the lesson has audio or
/// video, and — for a session resumed within the resume window — the seconds since it was first opened and the media seconds counted.
/// </summary>
internal sealed record Opened(string SessionId, int MinSeconds, int? MediaSecondsRequired, int ElapsedSeconds, int MediaSeconds, bool Resumed);
