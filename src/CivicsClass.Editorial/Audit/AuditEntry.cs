namespace CivicsClass.Editorial.Audit;

/// <summary>One step in an item's life: who did what to which version, when, and why.</summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string? ContentItemVersionId { get; set; }
    public string Action { get; set; } = "";
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedUtc { get; set; }
}
