namespace CivicsClass.Content.Parts;

/// <summary>The editor's and seed files' way of writing links: one a line, <c>标题 | https://… | 说明</c>, the note optional.</summary>
internal static class ReadingListLines
{
    public const string Hint = "每行一条：标题 | https://… | 说明（说明可省略）。只接受 http 或 https 地址，最多 10 条。";

    public static string Format(ReadingListPart part) =>
        string.Join('\n', part.Links.Select(l => $"{l.Title} | {l.Url}" + (string.IsNullOrWhiteSpace(l.Note) ? "" : $" | {l.Note}")));

    /// <summary>Every non-blank line becomes a link, even one without an address, so the checks can name it and the editor shows it again.</summary>
    public static List<ReadingLink> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Link).ToList();

    public static ReadingLink Link(string line)
    {
        var cells = line.Split('|', 3, StringSplitOptions.TrimEntries);
        return new ReadingLink
        {
            Title = cells[0],
            Url = cells.Length > 1 ? cells[1] : "",
            Note = cells.Length > 2 && cells[2].Length > 0 ? cells[2] : null,
        };
    }
}
