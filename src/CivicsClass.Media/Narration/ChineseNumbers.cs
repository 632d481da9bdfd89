using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CivicsClass.Media.Narration;

/// <summary>
/// Writes numbers, dates, percentages and units out in Chinese characters the way they are said, so a
/// synthesiser reads <c>1925年</c> as 一九二五年, <c>18.61万</c> as 十八点六一万 and <c>3.5%</c> as 百分之三点五.
/// Years and long code-like numbers (hotlines such as 12351) are read digit by digit, quantities by value.
/// </summary>
internal static partial class ChineseNumbers
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly string[] s_smallUnits = ["", "十", "百", "千"];
    private static readonly string[] s_bigUnits = ["", "万", "亿", "万亿"];

    // Characters after a number that say it counts something, so a long one is still read by value.
    private const string Measures = "万亿千百人名位个家次户吨米件台项所座条天岁年月日小分秒元倍多余场届批支辆架艘期篇本部首张种类级层";

    // Measure words before which 2 is said 两.
    private const string Liang = "个位名种条项次件台家张部辆架艘层";

    private static readonly (string Unit, string Spoken)[] s_units =
    [
        ("km/h", "公里每小时"), ("km²", "平方公里"), ("m²", "平方米"), ("㎡", "平方米"), ("m³", "立方米"), ("km", "公里"), ("kg", "千克"),
        ("cm", "厘米"), ("mm", "毫米"), ("kWh", "千瓦时"), ("kW", "千瓦"), ("℃", "摄氏度"), ("°C", "摄氏度"), ("GB", "吉字节"), ("MB", "兆字节"),
    ];

    public static string Read(string text)
    {
        var s = Normalise(text);
        s = IsoDate().Replace(s, m => DigitByDigit(m.Groups[1].Value) + "年" + Integer(m.Groups[2].Value) + "月" + Integer(m.Groups[3].Value) + "日");
        s = ClockTime().Replace(s, m => Integer(m.Groups[1].Value) + "点" + (m.Groups[2].Value == "00" ? "" : Minutes(m.Groups[2].Value) + "分"));
        s = Percent().Replace(s, m => "百分之" + Number(m.Groups[1].Value));
        s = Year().Replace(s, m => DigitByDigit(m.Value));
        foreach (var (unit, spoken) in s_units)
        {
            s = Regex.Replace(s, @"(?<=\d)\s*" + Regex.Escape(unit), spoken);
        }

        return AnyNumber().Replace(s, m => Quantity(m, s));
    }

    /// <summary>A whole number by value: 10 → 十, 1205 → 一千二百零五, 120000 → 十二万.</summary>
    public static string Integer(string digits)
    {
        var trimmed = digits.TrimStart('0');
        if (trimmed.Length == 0)
        {
            return "零";
        }

        if (trimmed.Length > 16)
        {
            return DigitByDigit(trimmed);
        }

        var value = long.Parse(trimmed, CultureInfo.InvariantCulture);
        var groups = new List<int>();
        for (var v = value; v > 0; v /= 10_000)
        {
            groups.Add((int)(v % 10_000));
        }

        var result = new StringBuilder();
        var gap = false;
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var group = groups[i];
            if (group == 0)
            {
                gap = result.Length > 0;
                continue;
            }

            if (result.Length > 0 && (gap || group < 1000))
            {
                result.Append('零');
            }

            result.Append(Section(group)).Append(s_bigUnits[i]);
            gap = false;
        }

        var spoken = result.ToString();
        return spoken.StartsWith("一十", StringComparison.Ordinal) ? spoken[1..] : spoken;
    }

    /// <summary>Digits one by one, as years and telephone numbers are said: 1925 → 一九二五.</summary>
    public static string DigitByDigit(string digits) => string.Concat(digits.Where(char.IsAsciiDigit).Select(d => Digits[d - '0']));

    /// <summary>A number with or without decimals: 18.61 → 十八点六一.</summary>
    public static string Number(string number)
    {
        var point = number.IndexOf('.');
        return point < 0 ? Integer(number) : Integer(number[..point]) + "点" + DigitByDigit(number[(point + 1)..]);
    }

    private static string Quantity(Match match, string text)
    {
        var number = match.Value;
        var next = match.Index + match.Length < text.Length ? text[match.Index + match.Length] : '\0';
        if (!number.Contains('.') && number.Length >= 5 && !Measures.Contains(next))
        {
            return DigitByDigit(number); // a code, a hotline or a telephone number
        }

        if (number == "2" && Liang.Contains(next))
        {
            return "两";
        }

        return Number(number);
    }

    private static string Minutes(string digits) => digits[0] == '0' ? "零" + Integer(digits) : Integer(digits);

    private static string Section(int value)
    {
        var result = new StringBuilder();
        var zero = false;
        for (var position = 3; position >= 0; position--)
        {
            var digit = value / (int)Math.Pow(10, position) % 10;
            if (digit == 0)
            {
                zero = result.Length > 0;
                continue;
            }

            if (zero)
            {
                result.Append('零');
                zero = false;
            }

            result.Append(Digits[digit]).Append(s_smallUnits[position]);
        }

        return result.ToString();
    }

    /// <summary>Full-width digits and signs to ASCII; thousands separators dropped.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                '％' => '%',
                '．' when builder.Length > 0 && char.IsAsciiDigit(builder[^1]) => '.',
                _ => c,
            });
        }

        return ThousandsSeparator().Replace(builder.ToString(), "");
    }

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d.])(\d{1,2}):(\d{2})(?![\d:])")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Percent();

    // A four-digit year before 年, or the first of a range of years (1921—1923年).
    [GeneratedRegex(@"(?<![\d.])\d{4}(?=\s*年|\s*[—–\-~～至到]\s*\d{4}\s*年)")]
    private static partial Regex Year();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex AnyNumber();
}
