using Dapper;
using CivicsClass.Data.Documents;

namespace CivicsClass.Contests.Rounds;

/// <summary>Rounds, their answers, the map points they lit and each entrant's running figures, in the caller's unit of work.</summary>
internal sealed class RoundStore(ISession session)
{
    /// <summary>
    /// Creates or updates the person's entrant row and holds it until the transaction ends, so a person's
    /// starts and finishes happen one at a time: no two rounds open at once, no attempt counted twice.
    /// </summary>
    public async Task LockEntrantAsync(string contestId, long userId, string? organisationId, string? regionId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO contest_entrant (contest_id, user_id, organisation_id, region_id, rounds, days, best_correct, best_ratio, lit)
            VALUES (@contestId, @userId, @organisationId, @regionId, 0, 0, 0, 0, 0)
            ON CONFLICT (contest_id, user_id) DO UPDATE SET organisation_id = excluded.organisation_id, region_id = excluded.region_id
            """, new { contestId, userId, organisationId, regionId }, transaction);
    }

    public async Task<ContestRound?> GetAsync(string roundId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ContestRound>($"SELECT {ContestRound.Columns} FROM contest_round WHERE id = @roundId",
            new { roundId }, transaction);
    }

    /// <summary>The person's rounds started on a study day, oldest first.</summary>
    public async Task<IReadOnlyList<ContestRound>> DayAsync(string contestId, long userId, int day)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<ContestRound>(
            $"SELECT {ContestRound.Columns} FROM contest_round WHERE contest_id = @contestId AND user_id = @userId AND study_day = @day ORDER BY attempt",
            new { contestId, userId, day }, transaction)).ToList();
    }

    /// <summary>The person's round not yet finished, if any.</summary>
    public async Task<ContestRound?> OpenAsync(string contestId, long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.QueryFirstOrDefaultAsync<ContestRound>(
            $"SELECT {ContestRound.Columns} FROM contest_round WHERE contest_id = @contestId AND user_id = @userId AND finished_utc IS NULL ORDER BY started_utc DESC",
            new { contestId, userId }, transaction);
    }

    public async Task InsertAsync(ContestRound round)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO contest_round (id, contest_id, user_id, study_day, attempt, started_utc, deadline_utc, questions, total)
            VALUES (@Id, @ContestId, @UserId, @StudyDay, @Attempt, @StartedUtc, @DeadlineUtc, @QuestionsJson, @Total)
            """, round, transaction);
    }

    /// <summary>Records an answer once; false when that question already has one.</summary>
    public async Task<bool> AnswerAsync(string roundId, int position, int chosen, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync("""
            INSERT INTO contest_answer (round_id, position, chosen, answered_utc) VALUES (@roundId, @position, @chosen, @now)
            ON CONFLICT (round_id, position) DO NOTHING
            """, new { roundId, position, chosen, now }, transaction) == 1;
    }

    /// <summary>The answers recorded by the deadline, by question position; later ones never count.</summary>
    public async Task<IReadOnlyDictionary<int, int>> AnswersAsync(string roundId, DateTime deadline)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(int Position, int Chosen)>(
            "SELECT position, chosen FROM contest_answer WHERE round_id = @roundId AND answered_utc <= @deadline",
            new { roundId, deadline }, transaction)).ToDictionary(a => a.Position, a => a.Chosen);
    }

    public async Task FinishAsync(ContestRound round)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            UPDATE contest_round SET finished_utc = @FinishedUtc, correct = @Correct, passed = @Passed, points = @Points, entry_id = @EntryId, lit_point = @LitPoint
            WHERE id = @Id
            """, round, transaction);
    }

    /// <summary>Marks a finished round void; false when it was void already.</summary>
    public async Task<bool> VoidAsync(string roundId, string reason, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync(
            "UPDATE contest_round SET voided_utc = @now, void_reason = @reason WHERE id = @roundId AND voided_utc IS NULL AND finished_utc IS NOT NULL",
            new { roundId, reason, now }, transaction) == 1;
    }

    public async Task<IReadOnlySet<int>> LitAsync(string contestId, long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<int>("SELECT point FROM contest_light WHERE contest_id = @contestId AND user_id = @userId",
            new { contestId, userId }, transaction)).ToHashSet();
    }

    public async Task LightAsync(string contestId, long userId, int point, string roundId, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO contest_light (contest_id, user_id, point, round_id, lit_utc) VALUES (@contestId, @userId, @point, @roundId, @now)
            ON CONFLICT (contest_id, user_id, point) DO NOTHING
            """, new { contestId, userId, point, roundId, now }, transaction);
    }

    public async Task UnlightAsync(string roundId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("DELETE FROM contest_light WHERE round_id = @roundId", new { roundId }, transaction);
    }

    /// <summary>Recounts the entrant's figures from the rounds that stand (finished, not void) and the points lit.</summary>
    public async Task RefreshEntrantAsync(string contestId, long userId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        const string standing = "FROM contest_round r WHERE r.contest_id = @contestId AND r.user_id = @userId AND r.finished_utc IS NOT NULL AND r.voided_utc IS NULL";
        await connection.ExecuteAsync($"""
            UPDATE contest_entrant SET
                rounds = (SELECT COUNT(*) {standing}),
                days = (SELECT COUNT(DISTINCT r.study_day) {standing}),
                best_correct = COALESCE((SELECT MAX(r.correct) {standing}), 0),
                best_ratio = COALESCE((SELECT MAX(CAST(r.correct AS {session.Dialect.Double}) / r.total) {standing}), 0),
                lit = (SELECT COUNT(*) FROM contest_light l WHERE l.contest_id = @contestId AND l.user_id = @userId)
            WHERE contest_id = @contestId AND user_id = @userId
            """, new { contestId, userId }, transaction);
    }

    /// <summary>The person's best number of right answers in a round that stands (after <see cref="RefreshEntrantAsync"/>).</summary>
    public async Task<int> BestCorrectAsync(string contestId, long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int?>("SELECT best_correct FROM contest_entrant WHERE contest_id = @contestId AND user_id = @userId",
            new { contestId, userId }, transaction) ?? 0;
    }

    /// <summary>A contest's rounds, newest first, for editors.</summary>
    public async Task<IReadOnlyList<ContestRound>> RecentAsync(string contestId, int take, long? userId = null)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<ContestRound>($"""
            SELECT {ContestRound.Columns} FROM contest_round
            WHERE contest_id = @contestId AND finished_utc IS NOT NULL{(userId is null ? "" : " AND user_id = @userId")}
            ORDER BY started_utc DESC LIMIT @take
            """, new { contestId, take, userId }, transaction)).ToList();
    }
}
