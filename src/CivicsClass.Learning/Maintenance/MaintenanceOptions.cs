namespace CivicsClass.Learning.Maintenance;

/// <summary>Settings under <c>Maintenance</c> for <see cref="ExpiredDataCleanup"/>.</summary>
public sealed class MaintenanceOptions
{
    /// <summary>How often expired data is removed (by one node of several).</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>How long a study session is kept after it was superseded or completed.</summary>
    public int RetentionHours { get; set; } = 48;

    /// <summary>Rows removed per statement, so no statement holds its locks for long.</summary>
    public int BatchSize { get; set; } = 1000;
}
