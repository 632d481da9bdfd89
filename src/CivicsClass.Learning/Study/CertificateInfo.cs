namespace CivicsClass.Learning.Study;

public sealed record CertificateInfo(string Code, long UserId, string CourseId, string CourseTitle, string LearnerName, DateTime IssuedUtc);
