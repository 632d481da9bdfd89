namespace CivicsClass.Media.Forms;

/// <summary>Where a form's job stands, as stored in <c>lesson_form.state</c>.</summary>
public static class FormState
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Ready = "ready";
    public const string Failed = "failed";

    /// <summary>The engine is missing on the node that tried; the page falls back (narration: the device's own voice).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The item changed or was unpublished before the job ran; a newer job (if any) has its own row.</summary>
    public const string Superseded = "superseded";
}
