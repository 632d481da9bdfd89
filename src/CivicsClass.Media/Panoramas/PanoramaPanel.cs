namespace CivicsClass.Media.Panoramas;

/// <summary>One exhibition panel of a drawn hall: a heading (a date, or 参观看点) and a few lines of text.</summary>
public sealed record PanoramaPanel(string Heading, string Text);
