namespace CivicsClass.Media.Forms;

/// <summary>A row of <c>lesson_form</c> as read for showing.</summary>
internal sealed class FormRow
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string State { get; set; } = "";
    public string? MediaKey { get; set; }
    public string? MediaType { get; set; }
    public long? SizeBytes { get; set; }
    public double? DurationSeconds { get; set; }
    public string? Sentences { get; set; }
    public string? Timings { get; set; }
    public string? Error { get; set; }
}
