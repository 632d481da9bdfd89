namespace CivicsClass.Media.MindMaps;

/// <summary>A branch of a lesson's mind map: plain text (no Markdown, no HTML) and the branches under it.</summary>
public sealed record MindMapNode(string Text, MindMapNodeKind Kind, IReadOnlyList<MindMapNode> Children)
{
    /// <summary>This branch and every branch under it, depth first.</summary>
    public IEnumerable<MindMapNode> DepthFirst() => Children.SelectMany(c => c.DepthFirst()).Prepend(this);
}
