using System.Data.Common;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Media.Forms;

/// <summary>
/// The <c>lesson_form</c> table as a queue. A job is claimed for a while by a token (with <c>FOR UPDATE
/// SKIP LOCKED</c> on PostgreSQL, so two nodes never take the same row) and the work runs outside any
/// transaction; a worker that dies leaves a claim that expires and is taken again. Only the holder of the
/// current token can complete a job, so it is recorded once even if a slow worker comes back late.
/// </summary>
internal sealed class FormJobStore(ISqlDialect dialect)
{
    /// <summary>
    /// Queues the form unless this item already has one made (or being made) from the same source; in the caller's
    /// unit of work. A job that was given up (failed, superseded by an unpublish, engine missing) is queued again.
    /// </summary>
    public async Task EnqueueAsync(ISession session, string contentItemId, string kind, string sourceHash, DateTime now)
    {
        const string sql = """
            INSERT INTO lesson_form (content_item_id, kind, source_hash, state, attempts, not_before_utc, created_utc)
            VALUES (@contentItemId, @kind, @sourceHash, 'pending', 0, @now, @now)
            ON CONFLICT (content_item_id, kind, source_hash) DO UPDATE SET state = 'pending', attempts = 0, error = NULL, not_before_utc = @now
            WHERE lesson_form.state IN ('failed', 'superseded', 'unavailable')
            """;
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, new { contentItemId, kind, sourceHash, now }, transaction);
    }

    /// <summary>Takes the oldest job of these kinds that is due, or whose claim expired; null when there is none.</summary>
    public async Task<FormJob?> ClaimAsync(IReadOnlyList<string> kinds, DateTime now, TimeSpan claimFor, int maxAttempts, CancellationToken cancellationToken = default)
    {
        // A job whose every attempt ended in a dead worker is given up, with a reason people can read.
        const string giveUp = """
            UPDATE lesson_form SET state = 'failed', error = '多次中断未完成', claim_token = NULL, claimed_until_utc = NULL
            WHERE state = 'running' AND claimed_until_utc <= @now AND attempts >= @maxAttempts
            """;
        var claim = $"""
            UPDATE lesson_form SET state = 'running', claim_token = @token, claimed_until_utc = @until, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM lesson_form
                WHERE {dialect.InList("kind", "kinds")} AND attempts < @maxAttempts
                  AND ((state = 'pending' AND not_before_utc <= @now) OR (state = 'running' AND claimed_until_utc <= @now))
                ORDER BY id LIMIT 1{dialect.SkipLocked})
            RETURNING id AS Id, content_item_id AS ContentItemId, kind AS Kind, source_hash AS SourceHash, attempts AS Attempts,
                      claim_token AS ClaimToken, created_utc AS CreatedUtc
            """;
        return await TransientFailures.RetryAsync(dialect, async () =>
        {
            await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(giveUp, new { now, maxAttempts });
            var row = await connection.QueryFirstOrDefaultAsync<ClaimedRow>(claim,
                new { kinds = kinds.ToArray(), now, maxAttempts, token = Guid.NewGuid().ToString("N"), until = now + claimFor });
            return row is null ? null : new FormJob(row.Id, row.ContentItemId, row.Kind, row.SourceHash, row.Attempts, row.ClaimToken,
                DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc));
        }, cancellationToken);
    }

    /// <summary>
    /// Records the made form if the claim is still this worker's, and drops the item's older forms of the kind.
    /// Returns the media keys no longer used (the older forms'), or null when the claim was lost and nothing was recorded.
    /// </summary>
    public async Task<IReadOnlyList<string>?> CompleteAsync(FormJob job, string mediaKey, string mediaType, long size, double? duration,
        string? sentences, string timings, DateTime now, CancellationToken cancellationToken = default)
    {
        const string complete = """
            UPDATE lesson_form SET state = 'ready', media_key = @mediaKey, media_type = @mediaType, size_bytes = @size, duration_seconds = @duration,
                sentences = @sentences, timings = @timings, error = NULL, completed_utc = @now, claim_token = NULL, claimed_until_utc = NULL
            WHERE id = @Id AND claim_token = @ClaimToken AND state = 'running'
            """;
        const string older = """
            SELECT media_key FROM lesson_form
            WHERE content_item_id = @ContentItemId AND kind = @Kind AND id < @Id AND state NOT IN ('pending', 'running') AND media_key IS NOT NULL
            """;
        const string dropOlder = """
            DELETE FROM lesson_form WHERE content_item_id = @ContentItemId AND kind = @Kind AND id < @Id AND state NOT IN ('pending', 'running')
            """;
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var done = await connection.ExecuteAsync(complete, new { job.Id, job.ClaimToken, mediaKey, mediaType, size, duration, sentences, timings, now }, transaction);
        if (done == 0)
        {
            return null;
        }

        var unused = (await connection.QueryAsync<string>(older, job, transaction)).ToList();
        await connection.ExecuteAsync(dropOlder, job, transaction);
        await transaction.CommitAsync(cancellationToken);
        return unused;
    }

    /// <summary>Ends or postpones a claimed job without a form: failed, engine unavailable, superseded, or pending again after <paramref name="notBefore"/>.</summary>
    public async Task<bool> SetAsideAsync(FormJob job, string state, string? error, DateTime notBefore, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE lesson_form SET state = @state, error = @error, not_before_utc = @notBefore, claim_token = NULL, claimed_until_utc = NULL,
                attempts = CASE WHEN @state = 'unavailable' THEN 0 ELSE attempts END
            WHERE id = @Id AND claim_token = @ClaimToken AND state = 'running'
            """;
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new { job.Id, job.ClaimToken, state, error, notBefore }) == 1;
    }

    /// <summary>Jobs set aside because the engine was missing go back in the queue (the engine is here now).</summary>
    public async Task<int> RequeueUnavailableAsync(string kind, DateTime now, CancellationToken cancellationToken = default)
    {
        const string sql = "UPDATE lesson_form SET state = 'pending', attempts = 0, error = NULL, not_before_utc = @now WHERE state = 'unavailable' AND kind = @kind";
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new { kind, now });
    }

    /// <summary>Whether any item has a form of this kind, made or queued.</summary>
    public async Task<bool> AnyAsync(string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM (SELECT 1 FROM lesson_form WHERE kind = @kind LIMIT 1) t", new { kind }) > 0;
    }

    /// <summary>Every row of an item, newest first.</summary>
    public async Task<IReadOnlyList<FormRow>> ListAsync(ISession session, string contentItemId)
    {
        const string sql = """
            SELECT id AS Id, kind AS Kind, state AS State, media_key AS MediaKey, media_type AS MediaType, size_bytes AS SizeBytes,
                   duration_seconds AS DurationSeconds, sentences AS Sentences, timings AS Timings, error AS Error
            FROM lesson_form WHERE content_item_id = @contentItemId ORDER BY id DESC
            """;
        return await session.ReadAsync(async (connection, transaction) =>
            (IReadOnlyList<FormRow>)(await connection.QueryAsync<FormRow>(sql, new { contentItemId }, transaction)).ToList());
    }

    /// <summary>Forgets an item's forms in the caller's unit of work; returns the media keys to delete once it commits.</summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(ISession session, string contentItemId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var keys = (await connection.QueryAsync<string>(
            "SELECT media_key FROM lesson_form WHERE content_item_id = @contentItemId AND media_key IS NOT NULL", new { contentItemId }, transaction)).ToList();
        await connection.ExecuteAsync("DELETE FROM lesson_form WHERE content_item_id = @contentItemId", new { contentItemId }, transaction);
        return keys;
    }

    /// <summary>Every media key a form uses (so the library does not adopt them as uploads).</summary>
    public static async Task<IReadOnlyList<string>> MediaKeysAsync(DbConnection connection) =>
        (await connection.QueryAsync<string>("SELECT media_key FROM lesson_form WHERE media_key IS NOT NULL")).ToList();

    private sealed class ClaimedRow
    {
        public long Id { get; set; }
        public string ContentItemId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string SourceHash { get; set; } = "";
        public int Attempts { get; set; }
        public string ClaimToken { get; set; } = "";
        public DateTime CreatedUtc { get; set; }
    }
}
