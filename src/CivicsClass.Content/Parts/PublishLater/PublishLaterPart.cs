namespace CivicsClass.Content.Parts;

public sealed class PublishLaterPart
{
    public DateTime? ScheduledPublishUtc { get; set; }
}
