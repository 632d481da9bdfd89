using System.Text;

namespace CivicsClass.Web.Edge;

/// <summary>
/// Control characters (C0, DEL, C1) have no place in what a person types into a form or an address:
/// a NUL reaching PostgreSQL is an error, and others hide text or break logs. Line breaks and tabs
/// stay in form fields (a Markdown body has them); in a query string they become spaces.
/// </summary>
internal static class ControlCharacters
{
    public static bool Any(string? text) =>
        text is not null && (text.AsSpan().ContainsAnyInRange('\0', '\u001f') || text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'));

    /// <summary>The text without control characters; with <paramref name="keepLineBreaks"/>, tab, CR and LF stay, otherwise they become spaces.</summary>
    public static string Clean(string text, bool keepLineBreaks)
    {
        if (!Any(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\t' or '\r' or '\n')
            {
                builder.Append(keepLineBreaks ? c : ' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
