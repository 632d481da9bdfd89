using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Seeds;

/// <summary>Reads front-matter values the same way for every part and field; a value of the wrong shape names its file and line.</summary>
internal static class SeedValues
{
    public static string Scalar(FrontMatterFile file, YamlNode node, int line) =>
        node is YamlScalarNode { Value: { } value }
            ? value.Trim()
            : throw new SeedException(file.Path, line, "这里应是一个值，而不是列表或映射。");

    public static IEnumerable<string> Values(FrontMatterFile file, YamlNode node, int line) => node switch
    {
        YamlSequenceNode sequence => sequence.Select(n => Scalar(file, n, FrontMatterFile.LineOf(n))).Where(v => v.Length > 0).ToList(),
        YamlScalarNode scalar when string.IsNullOrWhiteSpace(scalar.Value) => [],
        _ => [Scalar(file, node, line)],
    };

    public static string Prefixed(string? prefix, string slug) => string.IsNullOrEmpty(prefix) ? slug : $"{prefix.TrimEnd('/')}/{slug}";
}
