namespace CivicsClass.Media.Serving;

/// <summary>What an <c>&lt;img&gt;</c> needs: a small <c>src</c>, the <c>srcset</c> of a profile set, and the size it will show at.</summary>
internal sealed record ImageSource(string Src, string? SrcSet, int? Width, int? Height, bool IsLong, string Original);
