using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CivicsClass.Content.Editing;

/// <summary>Reads an editor's posted values: text trimmed, numbers and addresses checked, each message keyed to its input.</summary>
public static class FormValues
{
    public static string Text(IFormCollection form, string name) => ((string?)form[name] ?? "").Trim();

    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    public static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    public static decimal? Number(IFormCollection form, string name, string key, IEditorErrors errors)
    {
        var raw = Text(form, name);
        if (raw.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(key, $"“{raw}”不是数字。");
        return null;
    }

    /// <summary>An http(s) address or a path on this site (a media library file); anything else is reported.</summary>
    public static string? Url(IFormCollection form, string name, string key, IEditorErrors errors)
    {
        var raw = Text(form, name);
        if (raw.Length == 0)
        {
            return null;
        }

        if (IsWebAddress(raw) || (raw.StartsWith('/') && !raw.StartsWith("//", StringComparison.Ordinal)))
        {
            return raw;
        }

        errors.Add(key, $"“{raw}”不是 http(s) 地址。");
        return null;
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
