using System.Globalization;

namespace CivicsClass.Learning.Points;

/// <summary>An activity to pay for. <paramref name="Key"/> is unique for all time: the same key never pays twice.</summary>
public sealed record Award(long UserId, string Activity, string? SourceId, string Key, int Points, string? Reference = null)
{
    /// <summary>
    /// The one way a ledger key is made: the activity, then what makes this payment unique (who, which item, which day),
    /// joined by colons and written the same on every machine.
    /// </summary>
    public static string KeyFor(string activity, params ReadOnlySpan<object?> parts)
    {
        var key = new System.Text.StringBuilder(activity);
        foreach (var part in parts)
        {
            key.Append(':').Append(Convert.ToString(part, CultureInfo.InvariantCulture));
        }

        return key.ToString();
    }
}
