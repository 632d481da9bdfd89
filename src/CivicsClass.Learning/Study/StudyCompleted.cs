namespace CivicsClass.Learning.Study;

internal sealed record StudyCompleted(int Awarded, int Balance, int StreakDays, IReadOnlyList<CertificateInfo> Certificates, Refusal? NothingAwarded);
