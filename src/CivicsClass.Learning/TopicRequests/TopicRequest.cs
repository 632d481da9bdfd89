namespace CivicsClass.Learning.TopicRequests;

public sealed record TopicRequest(long Id, string Title, string Detail, long UserId, DateTime CreatedUtc, int Votes, string Status, bool VotedByMe);
