namespace CivicsClass.Content.Parts;

/// <summary>What a reading list may hold: a few links, each a short title and an http(s) address that a reader can follow safely.</summary>
internal static class ReadingListRules
{
    public const int MaxLinks = 10;
    public const int MaxTitleLength = 60;
    public const int MaxNoteLength = 200;
    public const int MaxUrlLength = 2000;
    public const string Member = "ReadingListPart.Links";

    public static bool IsWebAddress(string url) =>
        url.Length <= MaxUrlLength && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    public static IEnumerable<string> Problems(IReadOnlyList<ReadingLink> links)
    {
        if (links.Count > MaxLinks)
        {
            yield return $"延伸阅读最多 {MaxLinks} 条链接（现在是 {links.Count} 条）。";
        }

        for (var i = 0; i < links.Count; i++)
        {
            var (link, n) = (links[i], i + 1);
            var title = link.Title?.Trim() ?? "";
            if (title.Length == 0)
            {
                yield return $"延伸阅读第 {n} 条缺少标题，格式：标题 | https://… | 说明。";
            }
            else if (title.Length > MaxTitleLength)
            {
                yield return $"延伸阅读第 {n} 条的标题不能超过 {MaxTitleLength} 个字（现在是 {title.Length} 个）。";
            }

            if (string.IsNullOrWhiteSpace(link.Url))
            {
                yield return $"延伸阅读第 {n} 条缺少地址，格式：标题 | https://… | 说明。";
            }
            else if (!IsWebAddress(link.Url))
            {
                yield return $"延伸阅读第 {n} 条的地址“{Shorten(link.Url)}”不是 http 或 https 网址。";
            }

            if (link.Note?.Length > MaxNoteLength)
            {
                yield return $"延伸阅读第 {n} 条的说明不能超过 {MaxNoteLength} 个字（现在是 {link.Note.Length} 个）。";
            }
        }
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : url[..80] + "…";
}
