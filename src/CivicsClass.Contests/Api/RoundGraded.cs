namespace CivicsClass.Contests.Api;

/// <summary>A finished round: right answers, points paid, whether it passed, the map point it lit, a new certificate, and each question with its answer.</summary>
internal sealed record RoundGraded(int Correct, int Total, bool Passed, int Points, string? LitVenue, string? CertificateCode, IReadOnlyList<GradedAnswer> Questions);
