namespace CivicsClass.Learning.Api;

/// <summary>Whether a certificate is genuine, and whose it is.</summary>
internal sealed record Verified(bool Genuine, string? Learner, string? Course, DateTime? IssuedUtc);
