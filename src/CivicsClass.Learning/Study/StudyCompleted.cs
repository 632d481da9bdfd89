namespace CivicsClass.Learning.Study;

public sealed record StudyCompleted(int Awarded, int Balance, int StreakDays, IReadOnlyList<CertificateInfo> Certificates, Refusal? NothingAwarded);
