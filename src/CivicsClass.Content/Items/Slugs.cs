using System.Text;

namespace CivicsClass.Content.Items;

/// <summary>Joins the parts of a slug with hyphens, in lower case, within <see cref="MaxLength"/> characters.</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    public static string Join(IEnumerable<string> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts.Select(p => p.ToLowerInvariant()).Where(p => p.Length > 0))
        {
            if (builder.Length + part.Length + 1 > MaxLength)
            {
                break;
            }

            builder.Append(builder.Length == 0 ? "" : "-").Append(part);
        }

        return builder.ToString();
    }
}
