namespace CivicsClass.Learning.TopicRequests;

internal sealed record TopicRequest(long Id, string Title, string Detail, long UserId, DateTime CreatedUtc, int Votes, string Status, bool VotedByMe);
