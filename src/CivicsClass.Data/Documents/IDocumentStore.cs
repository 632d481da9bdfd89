namespace CivicsClass.Data.Documents;

public interface IDocumentStore
{
    ISession CreateSession();
}

internal sealed class DocumentStore(Dialects.ISqlDialect dialect, IndexWriter indexWriter) : IDocumentStore
{
    public ISession CreateSession() => new Session(dialect, indexWriter);
}
