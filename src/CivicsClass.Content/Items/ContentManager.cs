using CivicsClass.Content.Definitions;
using CivicsClass.Content.Handlers;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Items;

internal sealed class ContentManager(
    ISession session,
    ContentDefinitionManager definitions,
    ContentItemValidator validator,
    ContentHandlerInvoker handlers,
    AddressAssigner addresses,
    TimeProvider clock) : IContentManager
{
    public async Task<ContentItem> NewAsync(string contentType)
    {
        var type = await definitions.GetTypeAsync(contentType)
            ?? throw new ArgumentException($"Content type '{contentType}' is not defined.", nameof(contentType));
        var item = new ContentItem
        {
            ContentItemId = ContentIds.New(),
            ContentItemVersionId = ContentIds.New(),
            ContentType = type.Name,
        };
        foreach (var part in type.Parts)
        {
            item.Content[part.Name] = new System.Text.Json.Nodes.JsonObject();
        }

        item.Content[type.Name] = new System.Text.Json.Nodes.JsonObject();
        return item;
    }

    public async Task<ContentItem> CreateAsync(ContentItem item, bool publish = false, string? user = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(item.ContentItemId))
        {
            item.ContentItemId = ContentIds.New();
        }

        item.ContentItemVersionId = ContentIds.New();
        item.Number = 1;
        item.Latest = true;
        item.Published = false;
        item.Status = ContentStatus.Draft;
        item.Owner ??= user;
        item.Author = user ?? item.Author;
        item.CreatedUtc = now;
        item.ModifiedUtc = now;
        SyncDisplayText(item);
        await EnsureValidAsync(item);

        // A first version published at once is written once, already published.
        if (publish)
        {
            item.Published = true;
            item.Status = ContentStatus.Published;
            item.PublishedUtc ??= now;
        }

        await session.SaveAsync(item);
        await handlers.InvokeAsync(item, session, (h, c) => h.CreatedAsync(c), "Created");
        if (publish)
        {
            await handlers.InvokeAsync(item, session, (h, c) => h.PublishedAsync(c), "Published");
        }

        return item;
    }

    public async Task<ContentItem> UpdateAsync(ContentItem item, string? user = null)
    {
        var latest = await GetAsync(item.ContentItemId, VersionOptions.Latest)
            ?? throw new InvalidOperationException($"Content item {item.ContentItemId} does not exist.");
        if (latest.ContentItemVersionId != item.ContentItemVersionId || latest.Version != item.Version)
        {
            throw new ConcurrencyException(nameof(ContentItem), latest.Id, item.Version);
        }

        var next = item.CloneAsNewVersion();
        next.Latest = true;
        next.Author = user ?? item.Author;
        next.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        SyncDisplayText(next);
        await EnsureValidAsync(next);

        latest.Latest = false;
        await session.SaveAsync(latest);
        await session.SaveAsync(next);
        await handlers.InvokeAsync(next, session, (h, c) => h.UpdatedAsync(c), "Updated");
        return next;
    }

    public async Task PublishAsync(ContentItem item, string? user = null)
    {
        await EnsureValidAsync(item);
        await PublishCoreAsync(item, clock.GetUtcNow().UtcDateTime);
    }

    public async Task UnpublishAsync(string contentItemId, string? user = null)
    {
        var published = await GetAsync(contentItemId, VersionOptions.Published);
        if (published is null)
        {
            return;
        }

        published.Published = false;
        if (published.Latest)
        {
            published.Status = ContentStatus.Draft;
        }

        await session.SaveAsync(published);
        await handlers.InvokeAsync(published, session, (h, c) => h.UnpublishedAsync(c), "Unpublished");
    }

    public async Task SubmitForReviewAsync(string contentItemId, string? user = null)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest)
            ?? throw new InvalidOperationException($"Content item {contentItemId} does not exist.");
        if (latest.Published)
        {
            throw new ContentValidationException([new ContentValidationError(nameof(ContentItem.Status), "这个版本已经发布；修改后再提交审核。")]);
        }

        await EnsureValidAsync(latest);
        latest.Status = ContentStatus.InReview;
        await session.SaveAsync(latest);
    }

    public async Task ReturnToDraftAsync(string contentItemId, string? user = null)
    {
        var latest = await GetAsync(contentItemId, VersionOptions.Latest)
            ?? throw new InvalidOperationException($"Content item {contentItemId} does not exist.");
        if (latest.Status != ContentStatus.InReview)
        {
            throw new ContentValidationException([new ContentValidationError(nameof(ContentItem.Status), "只有待审核的内容可以退回。")]);
        }

        latest.Status = ContentStatus.Draft;
        await session.SaveAsync(latest);
    }

    public async Task ArchiveAsync(string contentItemId, string? user = null)
    {
        await UnpublishAsync(contentItemId, user);
        var latest = await GetAsync(contentItemId, VersionOptions.Latest);
        if (latest is not null)
        {
            latest.Status = ContentStatus.Archived;
            await session.SaveAsync(latest);
        }
    }

    public async Task RemoveAsync(string contentItemId, string? user = null)
    {
        var versions = await session.QueryAsync<ContentItem>("content_item_index",
            "i.content_item_id = @contentItemId AND (i.latest = TRUE OR i.published = TRUE)", new { contentItemId });
        foreach (var version in versions.OrderBy(v => v.Published ? 0 : 1))
        {
            version.Latest = false;
            version.Published = false;
            await session.SaveAsync(version);
        }

        if (versions.Count > 0)
        {
            await handlers.InvokeAsync(versions[0], session, (h, c) => h.RemovedAsync(c), "Removed");
        }
    }

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions? options = null) =>
        (await GetManyAsync([contentItemId], options)).FirstOrDefault();

    public async Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyList<string> contentItemIds, VersionOptions? options = null)
    {
        if (contentItemIds.Count == 0)
        {
            return [];
        }

        var scope = options ?? VersionOptions.Published;
        var ids = session.Dialect.InList("i.content_item_id", "ids");
        var where = scope.Kind switch
        {
            "latest" => $"{ids} AND i.latest = TRUE",
            "version" => $"{ids} AND i.content_item_version_id = @versionId",
            _ => $"{ids} AND i.published = TRUE",
        };
        var items = await session.QueryAsync<ContentItem>("content_item_index", where,
            new { ids = contentItemIds.Distinct().ToArray(), versionId = scope.VersionId });
        var byId = items.ToDictionary(i => i.ContentItemId);
        return contentItemIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public Task<ContentItem?> GetByPathAsync(string path, VersionOptions? options = null) =>
        FirstAsync("i.path = @value", path, options);

    public Task<ContentItem?> GetByAliasAsync(string alias, VersionOptions? options = null) =>
        FirstAsync("i.alias = @value", alias, options);

    public Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId) =>
        session.QueryAsync<ContentItem>("content_item_index", "i.content_item_id = @contentItemId", new { contentItemId }, "i.number");

    public async Task<ContentPage> QueryAsync(ContentQuery query)
    {
        var (where, parameters) = ContentQuerySql.Build(query, session.Dialect);
        var total = query.IncludeTotal ? await session.CountAsync("content_item_index", where, parameters) : -1;
        if (total == 0)
        {
            return new ContentPage(0, []);
        }

        var items = await session.QueryAsync<ContentItem>("content_item_index", where, parameters,
            ContentQuerySql.OrderBy(query, session.Dialect), query.Skip, query.Take);
        return new ContentPage(total < 0 ? items.Count : total, items);
    }

    public async Task<IReadOnlyList<ContentAddress>> ListAddressesAsync(IReadOnlyList<string> contentTypes, int limit)
    {
        var sql = "SELECT i.path, i.modified_utc FROM content_item_index i "
            + $"WHERE i.published = TRUE AND i.path IS NOT NULL AND {session.Dialect.InList("i.content_type", "types")} "
            + "ORDER BY i.published_utc DESC NULLS LAST, i.document_id DESC LIMIT @limit";
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await Dapper.SqlMapper.QueryAsync<ContentAddress>(connection, sql, new { types = contentTypes.ToArray(), limit }, transaction)).ToList();
    }

    public async Task<ContentValidationResult> ValidateAsync(ContentItem item)
    {
        var result = new ContentValidationResult();
        SyncDisplayText(item);
        if (await definitions.GetTypeAsync(item.ContentType) is { } type)
        {
            await addresses.AssignAsync(item, type);
        }

        await validator.ValidateAsync(item, session, result);
        if (result.Succeeded)
        {
            await handlers.ValidateAsync(item, session, result);
        }

        return result;
    }

    private async Task PublishCoreAsync(ContentItem item, DateTime now)
    {
        var current = await GetAsync(item.ContentItemId, VersionOptions.Published);
        if (current is not null && current.ContentItemVersionId != item.ContentItemVersionId)
        {
            current.Published = false;
            if (current.Latest)
            {
                current.Status = ContentStatus.Draft;
            }

            await session.SaveAsync(current);
        }

        item.Published = true;
        item.Status = ContentStatus.Published;
        item.PublishedUtc ??= now;
        await session.SaveAsync(item);
        await handlers.InvokeAsync(item, session, (h, c) => h.PublishedAsync(c), "Published");
    }

    private async Task<ContentItem?> FirstAsync(string condition, string value, VersionOptions? options)
    {
        var scope = (options ?? VersionOptions.Published).Kind == "latest" ? "i.latest = TRUE" : "i.published = TRUE";
        var items = await session.QueryAsync<ContentItem>("content_item_index", $"{condition} AND {scope}", new { value }, take: 1);
        return items.FirstOrDefault();
    }

    private async Task EnsureValidAsync(ContentItem item)
    {
        var result = await ValidateAsync(item);
        if (!result.Succeeded)
        {
            throw new ContentValidationException(result.Errors);
        }
    }

    private static void SyncDisplayText(ContentItem item)
    {
        if (item.Get<TitlePart>(nameof(TitlePart)) is { } title)
        {
            item.DisplayText = title.Title?.Trim() ?? "";
        }
    }
}
