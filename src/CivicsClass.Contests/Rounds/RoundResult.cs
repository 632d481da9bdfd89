namespace CivicsClass.Contests.Rounds;

/// <summary>A finished round: its grade, the points paid, the map point it lit and the certificate it earned, if any.</summary>
internal sealed record RoundResult(ContestRound Round, IReadOnlyList<GradedQuestion> Questions, string? LitVenue, string? CertificateCode)
{
    public int Correct => Round.Correct ?? 0;
    public bool Passed => Round.Passed == true;
    public int Points => Round.Points ?? 0;
}
