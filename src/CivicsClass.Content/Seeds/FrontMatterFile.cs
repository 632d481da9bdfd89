using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Seeds;

/// <summary>A Markdown file with YAML front matter, keeping each key's line for error messages.</summary>
internal sealed class FrontMatterFile
{
    private FrontMatterFile(string path, YamlMappingNode header, string body)
    {
        Path = path;
        Header = header;
        Body = body;
    }

    public string Path { get; }
    public YamlMappingNode Header { get; }
    public string Body { get; }

    public IEnumerable<(string Key, YamlNode Value, int Line)> Entries =>
        Header.Children.Select(e => (((YamlScalarNode)e.Key).Value ?? "", e.Value, LineOf(e.Key)));

    public YamlNode? this[string key] =>
        Header.Children.FirstOrDefault(e => string.Equals((e.Key as YamlScalarNode)?.Value, key, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The file's line number of a node (the front matter starts on line 2).</summary>
    public static int LineOf(YamlNode node) => (int)node.Start.Line + 1;

    public static FrontMatterFile Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new SeedException(path, 1, "文件必须以一行 --- 开头，后接 YAML 头信息。");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new SeedException(path, lines.Length, "YAML 头信息缺少结尾的 --- 行。");
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(string.Join('\n', lines[1..end])));
        }
        catch (YamlException exception)
        {
            throw new SeedException(path, (int)exception.Start.Line + 1, "YAML 格式错误：" + exception.Message);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode header)
        {
            throw new SeedException(path, 2, "YAML 头信息必须是“键: 值”的映射。");
        }

        if (header.Children.Keys.Any(k => k is not YamlScalarNode))
        {
            throw new SeedException(path, 2, "YAML 头信息的键必须是简单文字。");
        }

        return new FrontMatterFile(path, header, string.Join('\n', lines[(end + 1)..]).Trim() + "\n");
    }
}

/// <summary>What is wrong with a seed file, and where.</summary>
internal sealed class SeedException(string path, int line, string message) : Exception(message)
{
    public string Path { get; } = path;
    public int Line { get; } = line;
}
