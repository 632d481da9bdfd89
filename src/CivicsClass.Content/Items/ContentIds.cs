using System.Security.Cryptography;
using System.Text;

namespace CivicsClass.Content.Items;

/// <summary>26-character lower-case ids, random or derived from a stable key (seed files, recipes).</summary>
internal static class ContentIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New() => Encode(RandomNumberGenerator.GetBytes(17));

    public static string FromKey(string key) => Encode(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            var bit = i * 5;
            var value = (bytes[bit / 8] << 8 | bytes[bit / 8 + 1]) >> (11 - bit % 8) & 31;
            chars[i] = Alphabet[value];
        }

        return new string(chars);
    }
}
