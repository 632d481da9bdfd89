namespace CivicsClass.Learning.Maintenance;

/// <summary>Settings under <c>Maintenance</c> for <see cref="ExpiredDataCleanup"/> and the study and quiz rows it removes.</summary>
public sealed class MaintenanceOptions
{
    /// <summary>How often expired data is removed (by one node of several).</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>How long a study session is kept after it was superseded or completed.</summary>
    public int RetentionHours { get; set; } = 48;

    /// <summary>How many days a worker's daily quiz draw is kept: only today's is ever read, the rest answer a late submission.</summary>
    public int DailyQuizDrawDays { get; set; } = 3;

    /// <summary>How many days the count of a worker's quiz attempts per lesson and day is kept: only today's limits anything.</summary>
    public int QuizAttemptDays { get; set; } = 7;

    /// <summary>Rows removed per statement, so no statement holds its locks for long.</summary>
    public int BatchSize { get; set; } = 1000;
}
