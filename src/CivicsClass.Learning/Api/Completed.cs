namespace CivicsClass.Learning.Api;

/// <summary>A completed study: points awarded, the balance, the streak and any certificates it earned.</summary>
internal sealed record Completed(int Awarded, int Balance, int StreakDays, IReadOnlyList<CertificateLink> Certificates);
