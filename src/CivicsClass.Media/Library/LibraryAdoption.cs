using CivicsClass.Data.Dialects;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Media.Library;

/// <summary>
/// Files stored before the library existed (covers uploaded from the editor) get a record, named by
/// their key, so they can be found, picked and deleted like any other. Runs at start when the
/// library is empty but the store is not, which is the first start after an upgrade.
/// </summary>
internal sealed class LibraryAdoption(IMediaStore store, ISqlDialect dialect, TimeProvider clock, ILogger<LibraryAdoption> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
            if (await dialect.TableExistsAsync(connection, "media_file")
                && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM media_file") == 0 && store.Count() > 0)
            {
                logger.LogInformation("Added {Count} stored files to the media library", await AdoptAsync(cancellationToken));
            }
        }
        catch (System.Data.Common.DbException e)
        {
            // The site still starts; the files are served all the same and are adopted at the next start.
            logger.LogWarning(e, "Stored files could not be added to the media library");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Records every stored file the library does not know yet; returns how many.</summary>
    public async Task<int> AdoptAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        var known = (await connection.QueryAsync<string>("SELECT media_key FROM media_file")).ToHashSet(StringComparer.Ordinal);
        if (await dialect.TableExistsAsync(connection, "lesson_form"))
        {
            // Forms made from lessons (narration …) are not uploads: they belong to their lesson, not to the library.
            known.UnionWith(await Forms.FormJobStore.MediaKeysAsync(connection));
        }

        var added = 0;
        foreach (var (key, size) in store.List().Where(f => !known.Contains(f.Key)))
        {
            var type = MediaSniffer.ForKey(key)!;
            (int Width, int Height)? dimensions = null;
            if (type.Kind == MediaKind.Image && store.OpenRead(key) is { } stream)
            {
                await using (stream)
                {
                    var head = new byte[Math.Min(size, 256 * 1024)];
                    var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                    dimensions = ImageHeader.Read(head.AsSpan(0, read), type);
                }
            }

            added += await connection.ExecuteAsync("""
                INSERT INTO media_file (media_key, name, folder_id, content_type, kind, size_bytes, width, height, uploaded_by, created_utc)
                VALUES (@key, @key, NULL, @ContentType, @kind, @size, @width, @height, NULL, @now)
                ON CONFLICT (media_key) DO NOTHING
                """, new { key, type.ContentType, kind = type.Kind.ToString(), size, width = dimensions?.Width, height = dimensions?.Height, now = clock.GetUtcNow().UtcDateTime });
        }

        return added;
    }
}
