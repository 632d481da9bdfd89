namespace CivicsClass.Media.Generated;

/// <summary>
/// Everything a generated cover or portrait is drawn from. Two items with the same spec get the same
/// picture; anything that changes the picture changes <see cref="GeneratedImageKeys.For"/>'s key.
/// </summary>
/// <param name="Label">A small line above the title: the type and the theme (课程 · 工匠精神).</param>
/// <param name="Motif">One of <see cref="Motifs.All"/>.</param>
/// <param name="Variant">Varies colour shade, pattern and layout between items of one theme.</param>
public sealed record CoverSpec(string Title, string Label, string Motif, int Palette, int Variant);
