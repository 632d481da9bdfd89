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
}
