namespace CivicsClass.Content.Items;

/// <summary>
/// Creates, versions, publishes and finds content items. Changes are written into the scope's
/// session; the caller commits them with <c>ISession.SaveChangesAsync</c>. Invalid content is
/// refused with a <see cref="ContentValidationException"/> before anything is written.
/// </summary>
public interface IContentManager
{
    /// <summary>A new, unsaved item of the type with fresh ids and its parts in place.</summary>
    Task<ContentItem> NewAsync(string contentType);

    /// <summary>Saves the first version as a draft, or published when <paramref name="publish"/> is set.</summary>
    Task<ContentItem> CreateAsync(ContentItem item, bool publish = false, string? user = null);

    /// <summary>
    /// Saves the item's content as a new version that becomes the latest draft. The item must be the
    /// latest version as it was read: if someone saved since, a <c>ConcurrencyException</c> is thrown.
    /// </summary>
    Task<ContentItem> UpdateAsync(ContentItem item, string? user = null);

    /// <summary>Makes this version the published one; the previously published version is kept in history.</summary>
    Task PublishAsync(ContentItem item, string? user = null);

    Task UnpublishAsync(string contentItemId, string? user = null);

    Task SubmitForReviewAsync(string contentItemId, string? user = null);

    /// <summary>Sends an item under review back to its author as a draft; the version is kept as it is.</summary>
    Task ReturnToDraftAsync(string contentItemId, string? user = null);

    /// <summary>Withdraws the item from the site and marks it archived; its versions stay.</summary>
    Task ArchiveAsync(string contentItemId, string? user = null);

    /// <summary>Takes the item out of every list and query; its versions stay in history.</summary>
    Task RemoveAsync(string contentItemId, string? user = null);

    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions? options = null);

    /// <summary>Items by id in one round trip, in the order asked for; missing ones are left out.</summary>
    Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyList<string> contentItemIds, VersionOptions? options = null);

    Task<ContentItem?> GetByPathAsync(string path, VersionOptions? options = null);

    Task<ContentItem?> GetByAliasAsync(string alias, VersionOptions? options = null);

    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId);

    Task<ContentPage> QueryAsync(ContentQuery query);

    /// <summary>The addresses of published items of these types, read from the index alone (for sitemaps).</summary>
    Task<IReadOnlyList<ContentAddress>> ListAddressesAsync(IReadOnlyList<string> contentTypes, int limit);

    /// <summary>Runs the same checks as a save, without saving.</summary>
    Task<ContentValidationResult> ValidateAsync(ContentItem item);
}
