namespace CivicsClass.Learning.Api;

/// <summary>The lesson a study session is opened on.</summary>
internal sealed record OpenRequest(string? ContentItemId);
