namespace CivicsClass.Media.Generated;

/// <summary>What a generated image is, as its address names it (<c>/media/g/{kind}/…</c>).</summary>
public enum GeneratedImageKind
{
    /// <summary>A 16:9 cover for a lesson, course, topic, event or venue without an uploaded one.</summary>
    Cover,

    /// <summary>A square portrait mark (the initial on a coloured disc) for a lecturer without a photo.</summary>
    Portrait,

    /// <summary>A 750-px-wide image of a lesson for sharing in chat groups (长图).</summary>
    LongImage,

    /// <summary>A 4096 × 2048 equirectangular panorama of an exhibition hall for a venue (VR展馆).</summary>
    Panorama,
}
