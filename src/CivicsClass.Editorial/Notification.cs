namespace CivicsClass.Editorial;

/// <summary>A message to one person inside the admin, read or not.</summary>
internal sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Link { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}
