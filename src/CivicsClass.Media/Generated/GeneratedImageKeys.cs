using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CivicsClass.Media.Generated;

/// <summary>
/// A generated image's key: a hash of what it is drawn from, the drawing's version and the font. It names
/// the image in its address and in the derivative cache, so an unchanged item is never drawn again and a
/// changed one gets a new address that no browser has cached.
/// </summary>
internal static class GeneratedImageKeys
{
    /// <summary>Raise when a drawing changes, so every image is drawn again in the new way.</summary>
    public const int DrawingVersion = 1;

    public static string For(GeneratedImageKind kind, object spec, string font)
    {
        var text = $"{DrawingVersion}|{kind}|{font}|{JsonSerializer.Serialize(spec, spec.GetType())}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32] + ".png";
    }
}
