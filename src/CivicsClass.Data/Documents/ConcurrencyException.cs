namespace CivicsClass.Data.Documents;

/// <summary>Thrown when a document changed since it was read; nothing of the stale save is written.</summary>
public sealed class ConcurrencyException(string documentType, long documentId, int expectedVersion)
    : Exception($"{documentType} {documentId} was changed by someone else since version {expectedVersion} was read; reload it and apply the change again.")
{
    public string DocumentType { get; } = documentType;
    public long DocumentId { get; } = documentId;
}
