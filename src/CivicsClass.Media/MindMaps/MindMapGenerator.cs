using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CivicsClass.Content.Items;
using CivicsClass.Media.Forms;
using CivicsClass.Media.Generated;

namespace CivicsClass.Media.MindMaps;

/// <summary>
/// The mind map as a picture to share (思维导图), drawn from the branches of <see cref="MindMapOutline"/>. It is keyed
/// by those branches only, so an edit that leaves the headings, lists and key sentences alone does not draw it
/// again; without a Chinese font the job is set aside and queued again when the site starts with one.
/// </summary>
internal sealed class MindMapGenerator(MindMapRenderer renderer, CjkFonts fonts) : ILessonFormGenerator
{
    // Raised when the branches are read or drawn differently, so every mind map is drawn again.
    private const string Version = "mindmap-1";
    private const string Caption = "中国工人大思政课 · 思维导图";

    public string Kind => FormKinds.MindMap;

    public IReadOnlyList<string> ContentTypes { get; } = ["Lesson"];

    public bool IsAvailable => fonts.Available;

    public string? SourceHash(ContentItem item)
    {
        if (MindMapOutline.Of(item) is not { } root)
        {
            return null;
        }

        var source = new StringBuilder().AppendLine(Version);
        Append(source, root, 0);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString())));
    }

    public async Task<GeneratedForm> GenerateAsync(ContentItem item, string workFolder, CancellationToken cancellationToken)
    {
        if (!fonts.Available)
        {
            throw new FormEngineUnavailableException("没有中文字体（请安装 fonts-noto-cjk），思维导图只在页面上显示");
        }

        var root = MindMapOutline.Of(item) ?? throw new InvalidOperationException("This item has no mind map.");
        var watch = Stopwatch.StartNew();
        var (png, _, _) = renderer.Render(root, Caption);
        var drawn = watch.Elapsed.TotalMilliseconds;
        var file = Path.Combine(workFolder, "mindmap.png");
        await File.WriteAllBytesAsync(file, png, cancellationToken);
        return new GeneratedForm(file, ".png", "image/png", null, null, new Dictionary<string, double> { ["drawing"] = drawn });
    }

    private static void Append(StringBuilder source, MindMapNode node, int depth)
    {
        source.Append(' ', depth).Append((int)node.Kind).Append(' ').AppendLine(node.Text);
        foreach (var child in node.Children)
        {
            Append(source, child, depth + 1);
        }
    }
}
