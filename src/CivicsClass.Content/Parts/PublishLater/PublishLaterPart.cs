namespace CivicsClass.Content.Parts;

internal sealed class PublishLaterPart
{
    public DateTime? ScheduledPublishUtc { get; set; }
}
