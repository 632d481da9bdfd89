namespace CivicsClass.Data.Documents;

/// <summary>
/// Maps a document to rows of one index table, written in the same transaction as the document.
/// Index tables are created by the owning module's migrations; their columns are the snake_case
/// names of the index record's properties, plus <c>document_id</c>.
/// </summary>
public interface IIndexProvider
{
    Type DocumentType { get; }
    string Table { get; }
    Type IndexType { get; }
    IEnumerable<object> Map(Document document);
}

public abstract class IndexProvider<TDocument, TIndex> : IIndexProvider
    where TDocument : Document
    where TIndex : notnull
{
    public Type DocumentType => typeof(TDocument);
    public abstract string Table { get; }
    public Type IndexType => typeof(TIndex);

    public IEnumerable<object> Map(Document document) => Map((TDocument)document).Cast<object>();

    protected abstract IEnumerable<TIndex> Map(TDocument document);
}
