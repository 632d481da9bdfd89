namespace CivicsClass.Media.Panoramas;

/// <summary>
/// What a drawn venue panorama shows: an exhibition hall whose front wall carries the venue's name and summary,
/// and whose other walls carry panels made from the venue's own text. The same spec always draws the same hall.
/// </summary>
/// <param name="Label">The venue's kind and region (纪念馆 · 江西省).</param>
/// <param name="Motif">One of <see cref="Generated.Motifs.All"/>, drawn on the walls' empty frames.</param>
public sealed record PanoramaSpec(string Title, string Label, string? Summary, IReadOnlyList<PanoramaPanel> Panels, string Motif, int Palette);
