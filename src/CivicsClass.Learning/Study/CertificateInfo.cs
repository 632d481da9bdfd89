namespace CivicsClass.Learning.Study;

/// <summary>A certificate: for finishing a course, or for another achievement named by <paramref name="Kind"/> (<c>contest</c>: a contest's map lit up).</summary>
public sealed record CertificateInfo(string Code, long UserId, string CourseId, string CourseTitle, string LearnerName, DateTime IssuedUtc, string? Kind = null);
