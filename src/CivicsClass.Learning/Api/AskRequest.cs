namespace CivicsClass.Learning.Api;

/// <summary>A topic asked for (点单).</summary>
internal sealed record AskRequest(string? Title, string? Detail);
