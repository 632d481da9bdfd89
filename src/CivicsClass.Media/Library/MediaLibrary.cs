using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Media.Library;

/// <summary>The library's records: files with names and folders, kept beside the bytes in <see cref="Storage.IMediaStore"/>.</summary>
public sealed class MediaLibrary(ISession session, IContentManager content)
{
    private const string Columns = "media_key, name, folder_id, content_type, kind, size_bytes, width, height, uploaded_by, created_utc";

    public async Task<(IReadOnlyList<MediaFile> Files, int Total)> ListAsync(MediaFilter filter)
    {
        var where = new List<string> { "1 = 1" };
        if (filter.FolderId is not null)
        {
            where.Add("folder_id = @FolderId");
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            where.Add(@"LOWER(name) LIKE @pattern ESCAPE '\'");
        }

        if (filter.UploadedBy is not null)
        {
            where.Add("uploaded_by = @UploadedBy");
        }

        if (filter.Kind is not null)
        {
            where.Add("kind = @kind");
        }

        var parameters = new
        {
            filter.FolderId,
            filter.UploadedBy,
            filter.Skip,
            filter.Take,
            kind = filter.Kind?.ToString(),
            pattern = "%" + Escape(filter.Query?.Trim().ToLowerInvariant() ?? "") + "%",
        };
        var condition = string.Join(" AND ", where);
        var (connection, transaction) = await session.GetConnectionAsync();
        var files = await connection.QueryAsync<FileRow>(
            $"SELECT {Columns} FROM media_file WHERE {condition} ORDER BY created_utc DESC, media_key LIMIT @Take OFFSET @Skip", parameters, transaction);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM media_file WHERE {condition}", parameters, transaction);
        return (files.Select(f => f.ToFile()).ToList(), total);
    }

    public async Task<MediaFile?> GetAsync(string key)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var file = await connection.QuerySingleOrDefaultAsync<FileRow>($"SELECT {Columns} FROM media_file WHERE media_key = @key", new { key }, transaction);
        return file?.ToFile();
    }

    public async Task<IReadOnlyList<MediaFile>> GetManyAsync(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var (connection, transaction) = await session.GetConnectionAsync();
        var files = await connection.QueryAsync<FileRow>(
            $"SELECT {Columns} FROM media_file WHERE {session.Dialect.InList("media_key", "keys")}", new { keys = keys.ToArray() }, transaction);
        return files.Select(f => f.ToFile()).ToList();
    }

    public async Task AddAsync(MediaFile file)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync($"""
            INSERT INTO media_file ({Columns})
            VALUES (@MediaKey, @Name, @FolderId, @ContentType, @Kind, @SizeBytes, @Width, @Height, @UploadedBy, @CreatedUtc)
            """, file, transaction);
    }

    /// <summary>The bytes of every file a person uploaded that the library still keeps: what counts against their quota.</summary>
    public async Task<long> UploadedBytesAsync(string uploadedBy)
    {
        const string sql = "SELECT COALESCE(SUM(size_bytes), 0) FROM media_file WHERE uploaded_by = @uploadedBy";
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { uploadedBy }, transaction);
    }

    public async Task RenameAsync(string key, string name)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE media_file SET name = @name WHERE media_key = @key", new { key, name }, transaction);
    }

    public async Task MoveAsync(string key, long? folderId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("UPDATE media_file SET folder_id = @folderId WHERE media_key = @key", new { key, folderId }, transaction);
    }

    public async Task RemoveAsync(string key)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM media_file WHERE media_key = @key", new { key }, transaction);
    }

    /// <summary>The content items whose latest or published version points at the file.</summary>
    public async Task<IReadOnlyList<MediaUser>> UsersOfAsync(string key)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var ids = (await connection.QueryAsync<string>("SELECT DISTINCT content_item_id FROM media_usage_index WHERE media_key = @key", new { key }, transaction)).ToList();
        var items = await content.GetManyAsync(ids, VersionOptions.Latest);
        return items.Select(i => new MediaUser(i.ContentItemId, i.ContentType, i.DisplayText)).OrderBy(u => u.DisplayText, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<MediaFolder>> FoldersAsync()
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var folders = await connection.QueryAsync<FolderRow>("""
            SELECT f.id AS Id, f.name AS Name, (SELECT COUNT(*) FROM media_file m WHERE m.folder_id = f.id) AS Files
            FROM media_folder f ORDER BY f.name
            """, transaction: transaction);
        return folders.Select(f => new MediaFolder(f.Id, f.Name, (int)f.Files)).ToList();
    }

    /// <summary>Null when a folder of that name exists already.</summary>
    public async Task<long?> CreateFolderAsync(string name, DateTime nowUtc)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM media_folder WHERE name = @name", new { name }, transaction) > 0)
        {
            return null;
        }

        return await connection.ExecuteScalarAsync<long>("INSERT INTO media_folder (name, created_utc) VALUES (@name, @nowUtc) RETURNING id", new { name, nowUtc }, transaction);
    }

    /// <summary>Removes an empty folder; false when it still holds files or does not exist.</summary>
    public async Task<bool> DeleteFolderAsync(long id)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM media_file WHERE folder_id = @id", new { id }, transaction) > 0)
        {
            return false;
        }

        return await connection.ExecuteAsync("DELETE FROM media_folder WHERE id = @id", new { id }, transaction) > 0;
    }

    public Task SaveChangesAsync() => session.SaveChangesAsync();

    private static string Escape(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private sealed class FileRow
    {
        public string MediaKey { get; set; } = "";
        public string Name { get; set; } = "";
        public long? FolderId { get; set; }
        public string ContentType { get; set; } = "";
        public string Kind { get; set; } = "";
        public long SizeBytes { get; set; }
        public int? Width { get; set; }
        public int? Height { get; set; }
        public string? UploadedBy { get; set; }
        public DateTime CreatedUtc { get; set; }

        public MediaFile ToFile() =>
            new(MediaKey, Name, FolderId, ContentType, Kind, SizeBytes, Width, Height, UploadedBy, DateTime.SpecifyKind(CreatedUtc, DateTimeKind.Utc));
    }

    private sealed class FolderRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public long Files { get; set; }
    }
}
