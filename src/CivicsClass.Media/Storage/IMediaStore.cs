namespace CivicsClass.Media.Storage;

/// <summary>
/// Where uploaded files live, addressed by keys the store makes up (never by names users choose).
/// A key's bytes never change, so anything derived from them can be cached for ever.
/// </summary>
public interface IMediaStore
{
    Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken = default);

    Stream? OpenRead(string key);

    bool Exists(string key);

    /// <summary>Removes the file; false when there was none.</summary>
    bool Delete(string key);

    /// <summary>How many files are stored (for checks that nothing was kept).</summary>
    int Count();

    /// <summary>Every key in the store, with the file's size.</summary>
    IEnumerable<(string Key, long Size)> List();
}
