namespace CivicsClass.Contests.Live;

/// <summary>
/// Points for one answer: nothing for a wrong one; 100 for a right one plus up to 100 more the sooner it came
/// after the question was pushed. So any right answer outscores any wrong one, and among right answers the faster wins.
/// </summary>
internal static class LiveScoring
{
    public const int Right = 100;
    public const int SpeedBonus = 100;

    public static int Score(bool correct, int elapsedMs, int limitSeconds)
    {
        if (!correct)
        {
            return 0;
        }

        var limitMs = limitSeconds * 1000;
        return Right + (int)((long)SpeedBonus * Math.Clamp(limitMs - elapsedMs, 0, limitMs) / limitMs);
    }
}
