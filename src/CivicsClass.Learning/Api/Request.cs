namespace CivicsClass.Learning.Api;

/// <summary>A topic request and its votes.</summary>
internal sealed record Request(long Id, string Title, string Detail, int Votes, string Status, bool VotedByMe);
