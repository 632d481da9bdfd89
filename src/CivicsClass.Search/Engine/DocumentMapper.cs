using CivicsClass.Search.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CivicsClass.Search.Engine;

/// <summary>A searched item as a Lucene document: what is shown is stored, what is searched is analysed, filters are doc values too.</summary>
internal static class DocumentMapper
{
    public static LuceneDocument ToLucene(SearchDocument item)
    {
        // One string for the body's two fields: the tokenizer segments it once.
        var text = item.Summary.Length == 0 ? item.Body : item.Summary + "\n" + item.Body;
        var names = string.Join(' ', item.Names);
        var document = new LuceneDocument
        {
            new StringField(IndexFields.Id, item.ContentItemId, Field.Store.YES),
            new StoredField(IndexFields.ContentType, item.ContentType),
            new StoredField(IndexFields.Url, item.Url),
            new TextField(IndexFields.Title, item.Title, Field.Store.YES),
            new TextField(IndexFields.TitleRecall, item.Title, Field.Store.NO),
            new TextField(IndexFields.Body, text, Field.Store.NO),
            new TextField(IndexFields.BodyRecall, text, Field.Store.NO),
            new StoredField(IndexFields.Summary, item.Summary),
            new StoredField(IndexFields.Body, item.Body),
            new NumericDocValuesField(IndexFields.Published, item.PublishedUtc?.Ticks ?? 0),
        };
        if (names.Length > 0)
        {
            document.Add(new TextField(IndexFields.Names, names, Field.Store.NO));
        }

        foreach (var filter in item.Filters.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(IndexFields.Filter, filter, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(IndexFields.Filter, new BytesRef(filter)));
        }

        return document;
    }

    public static IndexHit ToHit(LuceneDocument document, float score) => new()
    {
        ContentItemId = document.Get(IndexFields.Id) ?? "",
        ContentType = document.Get(IndexFields.ContentType) ?? "",
        Title = document.Get(IndexFields.Title) ?? "",
        Summary = document.Get(IndexFields.Summary) ?? "",
        Body = document.Get(IndexFields.Body) ?? "",
        Url = document.Get(IndexFields.Url) ?? "",
        Score = float.IsNaN(score) ? 0 : score,
    };
}
