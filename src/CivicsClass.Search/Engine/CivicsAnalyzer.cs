using CivicsClass.Search.Analysis;
using Lucene.Net.Analysis;
using LuceneAnalyzer = Lucene.Net.Analysis.Analyzer;

namespace CivicsClass.Search.Engine;

/// <summary>
/// Our analysis as a Lucene analyzer: each field gets the tokens its <see cref="AnalysisKind"/> asks
/// for (by default the site's fields, <see cref="IndexFields.KindOf"/>). Components are kept per field
/// and per thread, since fields analyse differently.
/// </summary>
internal sealed class CivicsAnalyzer(TextAnalyzer analysis, Func<string, AnalysisKind>? kinds = null) : LuceneAnalyzer(PER_FIELD_REUSE_STRATEGY)
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new CivicsTokenizer(reader, analysis, (kinds ?? IndexFields.KindOf)(fieldName)));
}
