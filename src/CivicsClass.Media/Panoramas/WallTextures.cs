namespace CivicsClass.Media.Panoramas;

/// <summary>The four walls of a drawn hall, named as seen from its centre facing the front wall.</summary>
internal sealed record WallTextures(WallTexture Front, WallTexture Right, WallTexture Back, WallTexture Left);
