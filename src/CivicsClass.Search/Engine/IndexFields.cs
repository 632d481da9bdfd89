namespace CivicsClass.Search.Engine;

/// <summary>The fields of a document in the index, and how each is analysed and weighted.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string ContentType = "content_type";
    public const string Url = "url";
    public const string Summary = "summary";
    public const string Published = "published";

    /// <summary>Filter tokens (<c>type_lesson</c>, <c>theme_12</c>): indexed to filter by, doc values to count facets from.</summary>
    public const string Filter = "filter";

    /// <summary>The title as shown (stored) and as words (indexed).</summary>
    public const string Title = "title";

    public const string TitleRecall = "title_recall";

    /// <summary>Lecturer, venue and term names the item carries: words, recall and pinyin.</summary>
    public const string Names = "names";

    /// <summary>Summary and body text as shown (stored) and as words (indexed).</summary>
    public const string Body = "body";

    public const string BodyRecall = "body_recall";

    /// <summary>Searched fields and their weights: a word in the title counts ten times one in the body.</summary>
    public static readonly (string Field, float Boost)[] Searched =
        [(Title, 10f), (TitleRecall, 4f), (Names, 4f), (Body, 1f), (BodyRecall, 0.5f)];

    /// <summary>Fields a phrase is matched in, word by word.</summary>
    public static readonly (string Field, float Boost)[] Phrased = [(Title, 10f), (Body, 1f)];

    public static AnalysisKind KindOf(string field) => field switch
    {
        Title or Body => AnalysisKind.Words,
        TitleRecall => AnalysisKind.RecallWithPinyin,
        Names => AnalysisKind.Names,
        _ => AnalysisKind.Recall,
    };
}

internal enum AnalysisKind
{
    /// <summary>Every token in order, stop words included, so phrases match position by position.</summary>
    Words,

    /// <summary>Inner words and character pairs of unknown runs.</summary>
    Recall,

    /// <summary>Recall and pinyin, full and initials: for titles.</summary>
    RecallWithPinyin,

    /// <summary>Words, recall and pinyin: for the names an item carries.</summary>
    Names,
}
