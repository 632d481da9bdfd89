namespace CivicsClass.Editorial.Publishing;

/// <summary>An approved version and when it goes live, as <see cref="PublishSchedule"/> keeps it.</summary>
internal sealed class ScheduleEntry
{
    public string ContentItemVersionId { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public DateTime DueUtc { get; set; }
    public string? UserId { get; set; }
}
