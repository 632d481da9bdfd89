using Microsoft.Extensions.Localization;
using System.Globalization;

namespace CivicsClass.Theme;

/// <summary>Dates as people in China write them (2026年11月21日), in China's time zone whatever the server's.</summary>
public static class SiteFormat
{
    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime ToChina(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    public static string Date(DateTime utc) => Date(utc, CultureInfo.CurrentUICulture);

    public static string Date(DateTime utc, CultureInfo culture)
    {
        var local = ToChina(utc);
        return IsChinese(culture) ? $"{local.Year}年{local.Month}月{local.Day}日" : local.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }

    public static string DateAndTime(DateTime utc)
    {
        var local = ToChina(utc);
        return IsChinese(CultureInfo.CurrentUICulture)
            ? $"{Date(utc)} {local:HH:mm}"
            : local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>An ISO date-time with China's offset, for &lt;time datetime&gt; and feeds.</summary>
    public static string Iso(DateTime utc) => new DateTimeOffset(ToChina(utc), China.BaseUtcOffset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    private static readonly Dictionary<string, string> s_formats = new(StringComparer.Ordinal)
    {
        ["视频"] = "FormatVideo", ["音频"] = "FormatAudio", ["长图"] = "FormatLongImage", ["图文"] = "FormatText",
    };

    /// <summary>
    /// A content type's name as the reader's language says it. Chinese shows the name the type is
    /// given on the site (editors may rename it); other languages show the resource's, when it has one.
    /// </summary>
    public static string TypeName(IStringLocalizer text, string type, string displayName) => Translated(text, "Type" + type, displayName);

    /// <summary>A lesson's format (视频, 图文…) in the reader's language.</summary>
    public static string FormatName(IStringLocalizer text, string format) =>
        s_formats.TryGetValue(format, out var key) ? Translated(text, key, format) : format;

    private static string Translated(IStringLocalizer text, string key, string fallback) =>
        IsChinese(CultureInfo.CurrentUICulture) || text[key] is not { ResourceNotFound: false } found ? fallback : found.Value;
}
