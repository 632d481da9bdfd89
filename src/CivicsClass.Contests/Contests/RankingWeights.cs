namespace CivicsClass.Contests.Contests;

/// <summary>How much each measure counts in an organisation's standing; an editor sets them per contest.</summary>
internal sealed record RankingWeights(int Participation, int Coverage, int Score, int Activity)
{
    public int Sum => Participation + Coverage + Score + Activity;
}
