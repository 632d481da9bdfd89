using System.Text.Json;
using Microsoft.Playwright;

namespace CivicsClass.E2E;

/// <summary>
/// Measures a page's accessibility with axe-core (vendored from npm in Vendor/axe-core). The script is
/// evaluated through the browser's debugging protocol, so the site's Content-Security-Policy stays in
/// force for the page itself. Every rule axe ships with runs; a serious or critical violation is a finding.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> s_script = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendor", "axe-core", "axe.min.js")));

    private static readonly string s_report = Path.Combine(
        Environment.GetEnvironmentVariable("CIVICS_E2E_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots"), "axe.txt");

    private static readonly Lock s_reportLock = new();

    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact || '', help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ')),
          })));
        }
        """;

    /// <summary>
    /// The serious and critical violations on <paramref name="page"/> as it is now, one line per rule
    /// naming the page and the elements. Every violation found, of any impact, is kept in axe.txt beside
    /// the screenshots.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousAsync(IPage page, string step)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync("() => {\n" + s_script.Value + "\n}");
        }

        var json = await page.EvaluateAsync<string>(Run);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, JsonSerializerOptions.Web) ?? [];
        var path = new Uri(page.Url).PathAndQuery;
        Keep(step, path, violations);
        return violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{step} {path}: {v.Id} ({v.Impact}) {v.Help} — {v.Nodes.Count} × {string.Join(" | ", v.Nodes.Take(5))}")
            .ToList();
    }

    private static void Keep(string step, string path, List<Violation> violations)
    {
        var serious = violations.Where(v => v.Impact is "serious" or "critical").Sum(v => v.Nodes.Count);
        var line = $"{step}\t{path}\tserious+critical nodes: {serious}\t" +
            string.Join("; ", violations.Select(v => $"{v.Id}/{v.Impact}×{v.Nodes.Count}")) + "\n";
        lock (s_reportLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(s_report)!);
            File.AppendAllText(s_report, line);
        }
    }

    private sealed record Violation(string Id, string Impact, string Help, List<string> Nodes);
}
