using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using Dapper;

namespace CivicsClass.Data.Jobs;

/// <summary>
/// The <c>job_claim</c> table: a row per background job, naming the node that last took it on, until when that node holds
/// it (while it runs) and how its last run ended. Every statement is one atomic, parameterised write committed at once,
/// so a claim never waits behind a run and two nodes asking together get one yes.
/// </summary>
public sealed class JobClaims(IDocumentStore store, JobNode node) : IJobReport
{
    private const int NoteLength = 2000;

    /// <summary>This process's name in the table.</summary>
    public string Node => node.Name;

    /// <summary>How long this node's one-node runs hold their job (<see cref="JobOptions.LeaseSeconds"/>).</summary>
    public TimeSpan Lease => node.Lease;

    /// <summary>
    /// Takes the job on for <paramref name="lease"/> when nobody holds it (or its holder's lease ran out) and its last run
    /// started at or before <paramref name="due"/>. The previous run's outcome stays until this one finishes.
    /// </summary>
    public async Task<bool> TryClaimAsync(string name, DateTime now, DateTime due, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        // One statement: on PostgreSQL a second node's upsert waits for the first's row, then sees its lease and changes nothing.
        const string sql = """
            INSERT INTO job_claim (name, node, lease_until_utc, started_utc) VALUES (@name, @node, @until, @now)
            ON CONFLICT (name) DO UPDATE SET node = excluded.node, lease_until_utc = excluded.lease_until_utc, started_utc = excluded.started_utc
            WHERE (job_claim.lease_until_utc IS NULL OR job_claim.lease_until_utc <= @now)
              AND (job_claim.started_utc IS NULL OR job_claim.started_utc <= @due)
            RETURNING name
            """;
        return await WriteAsync(sql, new { name, node = node.Name, until = now + lease, now, due }, cancellationToken) is not null;
    }

    /// <summary>Holds the job longer while this node still runs it; false when the lease ran out and another node took it on.</summary>
    public async Task<bool> RenewAsync(string name, DateTime until, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE job_claim SET lease_until_utc = @until
            WHERE name = @name AND node = @node AND lease_until_utc IS NOT NULL
            RETURNING name
            """;
        return await WriteAsync(sql, new { name, node = node.Name, until }, cancellationToken) is not null;
    }

    /// <summary>Ends this node's run and lets the job go; a run that lost its claim to another node records nothing.</summary>
    public async Task<bool> FinishAsync(string name, DateTime finishedUtc, string outcome, string? note, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE job_claim SET lease_until_utc = NULL, finished_utc = @finishedUtc, outcome = @outcome, note = @note
            WHERE name = @name AND node = @node AND lease_until_utc IS NOT NULL
            RETURNING name
            """;
        return await WriteAsync(sql, new { name, node = node.Name, finishedUtc, outcome, note = Shorten(note) }, cancellationToken) is not null;
    }

    /// <summary>Records a run of a job that every node runs unclaimed: the last one, from whichever node, is what the table shows.</summary>
    public Task RecordAsync(string name, DateTime startedUtc, DateTime finishedUtc, string outcome, string? note, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO job_claim (name, node, lease_until_utc, started_utc, finished_utc, outcome, note)
            VALUES (@name, @node, NULL, @startedUtc, @finishedUtc, @outcome, @note)
            ON CONFLICT (name) DO UPDATE SET node = excluded.node, lease_until_utc = NULL, started_utc = excluded.started_utc,
                finished_utc = excluded.finished_utc, outcome = excluded.outcome, note = excluded.note
            RETURNING name
            """;
        return WriteAsync(sql, new { name, node = node.Name, startedUtc, finishedUtc, outcome, note = Shorten(note) }, cancellationToken);
    }

    public async Task<IReadOnlyList<JobRun>> ReadAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT name AS Name, node AS Node, lease_until_utc AS LeaseUntilUtc, started_utc AS StartedUtc,
                   finished_utc AS FinishedUtc, outcome AS Outcome, note AS Note
            FROM job_claim ORDER BY name
            """;
        await using var session = store.CreateSession();
        var rows = await session.ReadAsync((connection, transaction) =>
            connection.QueryAsync<JobRunRow>(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken)), cancellationToken);
        return rows.Select(r => new JobRun(r.Name, r.Node, Utc(r.LeaseUntilUtc), Utc(r.StartedUtc), Utc(r.FinishedUtc), r.Outcome, r.Note)).ToList();
    }

    /// <summary>
    /// Writes a job's last run inside a migration, for a module moving a job's history from a table of its own; a job already
    /// in the table keeps what it has.
    /// </summary>
    public static Task ImportAsync(MigrationContext context, JobRun run)
    {
        const string sql = """
            INSERT INTO job_claim (name, node, lease_until_utc, started_utc, finished_utc, outcome, note)
            VALUES (@Name, @Node, NULL, @StartedUtc, @FinishedUtc, @Outcome, @Note)
            ON CONFLICT (name) DO NOTHING
            """;
        return context.Connection.ExecuteAsync(sql, new { run.Name, run.Node, run.StartedUtc, run.FinishedUtc, run.Outcome, Note = Shorten(run.Note) }, context.Transaction);
    }

    private async Task<string?> WriteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync(cancellationToken);
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await session.SaveChangesAsync(cancellationToken);
        return name;
    }

    private static string? Shorten(string? note) => note is { Length: > NoteLength } ? note[..NoteLength] : note;

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Utc) : null;

    private sealed class JobRunRow
    {
        public string Name { get; init; } = "";
        public string? Node { get; init; }
        public DateTime? LeaseUntilUtc { get; init; }
        public DateTime? StartedUtc { get; init; }
        public DateTime? FinishedUtc { get; init; }
        public string? Outcome { get; init; }
        public string? Note { get; init; }
    }
}
