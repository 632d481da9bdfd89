namespace CivicsClass.Media.Storage;

internal static class MediaKey
{
    public const string UrlPrefix = "/media/";

    /// <summary>32 hex digits and a known extension: nothing that could climb out of the folder.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 33 and < 40 } && key[..32].All(char.IsAsciiHexDigitLower) && MediaSniffer.Types.Any(t => key[32..] == t.Extension);

    /// <summary>The key in a <c>/media/{key}</c> address (a query string is ignored), or null for any other address.</summary>
    public static string? FromUrl(string? url)
    {
        if (url is null || !url.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = url[UrlPrefix.Length..].Split('?', '#')[0];
        return IsValid(key) ? key : null;
    }

    public static string Url(string key) => UrlPrefix + key;
}
