namespace CivicsClass.Media.Forms;

/// <summary>The <c>Forms</c> section of the settings: how generated forms are queued and claimed.</summary>
internal sealed class FormsOptions
{
    /// <summary>How long a claim holds; a node that dies mid-job leaves a claim that another takes over after this.</summary>
    public int ClaimSeconds { get; set; } = 600;

    /// <summary>How often an idle worker looks for jobs (a publish on the same node wakes it at once).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>A job that failed this many times is left failed (shown with its error) until the item is published again.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Whether this node runs form jobs; nodes that only serve pages may leave them to others.</summary>
    public bool RunJobs { get; set; } = true;
}
