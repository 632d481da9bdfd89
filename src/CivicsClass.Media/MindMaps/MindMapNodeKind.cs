namespace CivicsClass.Media.MindMaps;

/// <summary>What part of the lesson a branch of its mind map comes from; the drawing sets each kind its own way.</summary>
public enum MindMapNodeKind
{
    Title,
    Heading,
    ListItem,
    KeySentence,
}
