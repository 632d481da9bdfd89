namespace CivicsClass.Theme.Models;

/// <summary>A branch of the lesson's mind map: its words, what it comes from (title, heading, item, sentence) and its branches.</summary>
public sealed record MindMapBranch(string Text, string Kind, IReadOnlyList<MindMapBranch> Children);

/// <summary>
/// The lesson's mind map (思维导图): its branches, shown as a nested list that a small script turns into a map
/// to pan, zoom and fold; and the same map as a picture to share once it is drawn.
/// </summary>
public sealed record MindMapView(MindMapBranch Root, string? ImageUrl, long? ImageBytes);
