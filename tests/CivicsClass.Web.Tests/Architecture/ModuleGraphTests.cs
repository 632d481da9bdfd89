using System.Text.RegularExpressions;
using System.Xml.Linq;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Architecture;

/// <summary>
/// Holds the projects' references and the "no module reads another's tables" rule against the picture in
/// <c>docs/modules.md</c>, so the shape changes only when the picture does.
/// </summary>
public sealed partial class ModuleGraphTests
{
    private static readonly string Picture = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "modules.md"));

    [Fact]
    public void Project_references_are_the_ones_in_the_picture()
    {
        var drawn = Block("modules").ToDictionary(line => line.From, line => line.To.ToHashSet());
        var actual = ProjectFiles().ToDictionary(p => Path.GetFileNameWithoutExtension(p), References);

        Assert.Equal(drawn.Keys.Order(), actual.Keys.Order());
        foreach (var (project, references) in actual)
        {
            Assert.True(drawn[project].SetEquals(references),
                $"{project} references {string.Join(", ", references.Order())}; docs/modules.md draws {string.Join(", ", drawn[project].Order())}");
        }
    }

    [Fact]
    public void No_module_names_another_modules_table_unless_the_picture_allows_it()
    {
        var allowed = Block("reads").ToList();
        var sources = ProjectFiles().Where(p => p.Contains($"{Path.DirectorySeparatorChar}src{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => Directory.EnumerateFiles(Path.GetDirectoryName(p)!, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(f => (File: f, Text: File.ReadAllText(f))).ToList());
        var owners = sources.SelectMany(m => m.Value.SelectMany(f => CreateTable().Matches(f.Text)).Select(t => (Table: t.Groups[1].Value.ToLowerInvariant(), Module: m.Key)))
            .GroupBy(t => t.Table).ToDictionary(g => g.Key, g => g.Select(t => t.Module).Distinct().Single());
        Assert.Contains("learner", owners.Keys);
        Assert.Equal("CivicsClass.Accounts", owners["user_index"]);

        var reads = new List<string>();
        foreach (var (module, files) in sources)
        {
            foreach (var (file, text) in files)
            {
                foreach (var (table, owner) in owners.Where(o => o.Value != module))
                {
                    if (Names(table).IsMatch(text) && !allowed.Any(a => (a.From == "*" || a.From == module) && (a.To.Contains("*") || a.To.Contains(table))))
                    {
                        reads.Add($"{module} names {owner}'s table {table} in {Path.GetRelativePath(RepositoryPaths.Root, file)}");
                    }
                }
            }
        }

        Assert.Empty(reads);
    }

    [Fact]
    public void Every_module_has_a_test_project_of_its_own_unless_the_picture_says_where_its_tests_are()
    {
        var modules = ProjectFiles().Where(p => p.Contains($"{Path.DirectorySeparatorChar}src{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        var elsewhere = Block("tested").ToDictionary(line => line.From, line => line.To.Single());
        static bool Exists(string project) => File.Exists(Path.Combine(RepositoryPaths.Root, "tests", project, project + ".csproj"));

        var missing = modules.Where(m => !Exists(m + ".Tests") && !(elsewhere.TryGetValue(m, out var other) && Exists(other))).ToList();
        var stale = elsewhere.Keys.Where(m => Exists(m + ".Tests") || !modules.Contains(m)).ToList();

        Assert.Contains("CivicsClass.Accounts", modules);
        Assert.True(missing.Count == 0, $"no tests/<Module>.Tests for {string.Join(", ", missing)}, and docs/modules.md does not say where their tests are");
        Assert.True(stale.Count == 0, $"docs/modules.md says {string.Join(", ", stale)} has its tests elsewhere, but it has a test project of its own (or is no module)");
    }

    [Fact]
    public void The_rule_sees_a_read_of_another_modules_table()
    {
        var text = """var rows = await connection.QueryAsync<long>("SELECT user_id FROM learner WHERE show_name = TRUE");""";
        Assert.Matches(Names("learner"), text);
        Assert.Matches(Names("user_index"), """session.QueryAsync<User>("user_index", "1 = 1")""");
        Assert.DoesNotMatch(Names("learner"), "var learners = await Learners.NamedAsync(session, ids);");
        Assert.Single(CreateTable().Matches("CREATE TABLE IF NOT EXISTS learner (user_id BIGINT PRIMARY KEY)"));
    }

    /// <summary>A table named in SQL, or as the index a document query reads.</summary>
    private static Regex Names(string table) => new($@"\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+""?{table}\b|""{table}""", RegexOptions.IgnoreCase);

    private static IEnumerable<string> ProjectFiles() =>
        new[] { "src", "themes" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.csproj", SearchOption.AllDirectories));

    private static HashSet<string> References(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToHashSet();

    private static IEnumerable<(string From, string[] To)> Block(string name)
    {
        var start = Picture.IndexOf("```" + name + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/modules.md has no ```{name} block");
        var body = Picture[(start + name.Length + 4)..];
        body = body[..body.IndexOf("```", StringComparison.Ordinal)];
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split("->", StringSplitOptions.TrimEntries);
            yield return (parts[0], parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    [GeneratedRegex(@"CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?""?([a-z_0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
