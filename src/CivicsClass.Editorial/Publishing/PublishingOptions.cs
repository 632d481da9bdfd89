namespace CivicsClass.Editorial.Publishing;

/// <summary>Settings under <c>Admin</c> for <see cref="ScheduledPublisher"/>.</summary>
internal sealed class PublishingOptions
{
    /// <summary>How often each node looks for approved versions whose publishing time has come.</summary>
    public int SchedulePollSeconds { get; set; } = 30;
}
