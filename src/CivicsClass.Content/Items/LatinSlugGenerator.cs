using System.Text.RegularExpressions;

namespace CivicsClass.Content.Items;

/// <summary>
/// The fallback when no module reads Chinese: Latin letters and digits are kept, every other run
/// becomes one hyphen. The search module replaces it with one that writes Chinese as pinyin.
/// </summary>
internal sealed partial class LatinSlugGenerator : ISlugGenerator
{
    public string FromTitle(string title) => Slugs.Join(NotLatin().Split(title));

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotLatin();
}
