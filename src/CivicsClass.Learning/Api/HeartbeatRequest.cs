namespace CivicsClass.Learning.Api;

/// <summary>The seconds of media played so far in a study session.</summary>
internal sealed record HeartbeatRequest(double MediaSeconds);
