namespace CivicsClass.Learning.Points;

public sealed class LedgerEntry
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Rule { get; set; } = "";
    public string? SourceId { get; set; }
    public string? Reference { get; set; }
    public int Points { get; set; }
    public int Requested { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int StudyDay { get; set; }
    public long? ReversesId { get; set; }
    public long? RestoresId { get; set; }
    public string? Reason { get; set; }
}
