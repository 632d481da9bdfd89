namespace CivicsClass.Content.Parts;

/// <summary>A venue's 360° panoramas (VR展馆), shown in an interactive viewer on its page.</summary>
public sealed class PanoramaPart
{
    public List<Panorama> Panoramas { get; set; } = [];
}
