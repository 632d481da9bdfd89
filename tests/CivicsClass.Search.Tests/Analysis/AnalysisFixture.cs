using CivicsClass.Search.Analysis;

namespace CivicsClass.Search.Tests.Analysis;

/// <summary>The analysis objects are costly to load (a 350 000-word dictionary), so tests share one set.</summary>
public static class AnalysisFixture
{
    private static readonly Lazy<TextAnalyzer> s_analyzer = new(() =>
    {
        var dictionary = new WordDictionary();
        return new TextAnalyzer(new TextNormaliser(), new Segmenter(dictionary), dictionary, new Pinyin());
    });

    public static TextAnalyzer Analyzer => s_analyzer.Value;

    public static IReadOnlyList<string> Words(string text) => Analyzer.Analyze(text).Words.Select(w => w.Text).ToList();
}
