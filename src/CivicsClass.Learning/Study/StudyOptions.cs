namespace CivicsClass.Learning.Study;

/// <summary>Settings under <c>Study</c> for <see cref="StudySessions"/>.</summary>
public sealed class StudyOptions
{
    /// <summary>
    /// How long an open session stays resumable after its last sign of life (opened, resumed or a
    /// heartbeat): reopening the same lesson within this time goes on with it, later starts afresh.
    /// </summary>
    public int ResumeMinutes { get; set; } = 30;
}
