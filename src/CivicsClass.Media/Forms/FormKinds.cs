namespace CivicsClass.Media.Forms;

/// <summary>The kinds of form the site makes, as named in jobs and in the API.</summary>
public static class FormKinds
{
    /// <summary>The lesson read aloud, with sentence timings.</summary>
    public const string Narration = "narration";

    /// <summary>The lesson's mind map as a picture to share (PNG).</summary>
    public const string MindMap = "mindmap";
}
