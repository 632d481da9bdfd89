using System.Text.RegularExpressions;
using System.Xml.Linq;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Site;

public sealed partial class ThemeTextTests
{
    private static readonly string s_theme = Path.Combine(RepositoryPaths.Root, "themes", "CivicsClass.Theme");

    [Fact]
    public void EveryTextAViewUses_IsInBothLanguages()
    {
        var used = Directory.GetFiles(Path.Combine(s_theme, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        var chinese = Keys("SiteText.resx");
        var english = Keys("SiteText.en.resx");

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(chinese));
        Assert.Equal(chinese.Order(), english.Order());
    }

    [Fact]
    public void EveryTextAnAdminViewUses_IsInBothLanguages()
    {
        var admin = Path.Combine(RepositoryPaths.Root, "themes", "CivicsClass.AdminTheme");
        var used = Directory.GetFiles(Path.Combine(admin, "Areas"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        var chinese = Keys("AdminText.resx", admin);
        var english = Keys("AdminText.en.resx", admin);

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(chinese));
        Assert.Equal(chinese.Order(), english.Order());
    }

    private static HashSet<string> Keys(string file, string? theme = null) =>
        XDocument.Load(Path.Combine(theme ?? s_theme, "Resources", file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    [GeneratedRegex("T\\[\\\\?\"([A-Za-z]+)\\\\?\"")]
    private static partial Regex TextKey();
}
