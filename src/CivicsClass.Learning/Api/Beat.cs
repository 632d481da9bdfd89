namespace CivicsClass.Learning.Api;

/// <summary>The media seconds a study session has counted, and how many it needs.</summary>
internal sealed record Beat(int MediaSeconds, int? MediaSecondsRequired);
