namespace CivicsClass.Data.Documents;

public interface IDocumentStore
{
    ISession CreateSession();
}

internal sealed class DocumentStore(Dialects.ISqlDialect dialect, IndexWriter indexWriter, Microsoft.Extensions.Logging.ILogger<DocumentStore> logger) : IDocumentStore
{
    public ISession CreateSession() => new Session(dialect, indexWriter, logger);
}
