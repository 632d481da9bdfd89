using Dapper;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using CivicsClass.Learning.Study;

namespace CivicsClass.Learning.Leaderboards;

/// <summary>
/// Leaderboards by day, week and all time. People are ranked from the running totals the ledger
/// keeps, through an index on (period, points): the top is an index range. The people board lists only
/// learners who chose to be named (a profile setting, off by default), ranked among themselves: ranking
/// is something a worker chooses, and nobody is placed — not even as a masked row — without choosing it.
/// "My rank" counts the named learners above mine, so it is my place on the board, or the place I would
/// take by joining it — exactly on a small site, from the <see cref="LearningRollup"/> on a large one
/// (my own points are always current). Groups count every member, named or not. Groups — union organisations and regions — add their members' points up the taxonomy
/// tree (a province counts its cities' members) and rank by points per member unless asked for
/// totals; a small site counts them on demand and keeps them for a minute per node, a large one
/// reads the roll-up.
/// </summary>
public sealed class LeaderboardReader(ISession session, IMemoryCache cache, TimeProvider clock, IOptions<LeaderboardOptions> options)
{
    public async Task<Board?> PeopleAsync(string periodName, int take, long? me)
    {
        if (StudyCalendar.Period(periodName, clock.GetUtcNow().UtcDateTime) is not { } period)
        {
            return null;
        }

        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = (await connection.QueryAsync<(long UserId, int Points, string Name)>("""
            SELECT t.user_id, t.points, l.display_name FROM points_total t JOIN learner l ON l.user_id = t.user_id
            WHERE t.period = @period AND t.points > 0 AND l.show_name = TRUE ORDER BY t.points DESC, t.user_id LIMIT @take
            """, new { period, take }, transaction)).ToList();
        var entries = new List<BoardEntry>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var rank = i > 0 && rows[i].Points == rows[i - 1].Points ? entries[i - 1].Rank : i + 1;
            entries.Add(new BoardEntry(rank, rows[i].UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[i].Name, rows[i].Points));
        }

        BoardEntry? mine = null;
        DateTime? counted = null;
        var named = false;
        if (me is { } user)
        {
            var points = await connection.ExecuteScalarAsync<int?>("SELECT points FROM points_total WHERE period = @period AND user_id = @user",
                new { period, user }, transaction) ?? 0;
            named = await connection.ExecuteScalarAsync<bool?>("SELECT show_name FROM learner WHERE user_id = @user", new { user }, transaction) ?? false;
            var rollup = await StateAsync(period);
            counted = rollup is { } state && state.Learners >= options.Value.ExactBelow ? state.RolledUtc : null;
            // My place among the people who chose to be named: where I stand, or would stand if I joined them.
            var above = await connection.ExecuteScalarAsync<long>(counted is null
                ? "SELECT COUNT(*) FROM points_total t JOIN learner l ON l.user_id = t.user_id WHERE t.period = @period AND t.points > @points AND l.show_name = TRUE"
                : "SELECT COALESCE(SUM(named), 0) FROM points_rollup WHERE period = @period AND points > @points",
                new { period, points }, transaction);
            mine = new BoardEntry((int)above + 1, user.ToString(System.Globalization.CultureInfo.InvariantCulture),
                await Learners.NameAsync(session, user), points);
        }

        return new Board(periodName, entries, mine, counted, named);
    }

    /// <summary>The last roll-up of a period, or null when there was none yet.</summary>
    public async Task<RollupState?> StateAsync(string period)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<RollupState>(
            "SELECT period AS Period, learners AS Learners, members AS Members, rolled_utc AS RolledUtc FROM rollup_state WHERE period = @period AND rolled_utc IS NOT NULL", new { period }, transaction);
    }

    /// <summary>Every period the roll-up keeps, for the jobs page.</summary>
    public async Task<IReadOnlyList<RollupProgress>> RollupsAsync()
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(string Period, long Learners, DateTime? RolledUtc)>(
            "SELECT period, learners, rolled_utc FROM rollup_state ORDER BY period", transaction: transaction))
            .Select(r => new RollupProgress(r.Period, r.Learners, r.RolledUtc)).ToList();
    }

    /// <summary>Organisations or regions (<paramref name="column"/>), rolled up through <paramref name="roots"/>.</summary>
    public async Task<Board?> GroupsAsync(GroupKind kind, string periodName, IReadOnlyList<TaxonomyTerm> roots, bool perMember, int take, long? me)
    {
        if (StudyCalendar.Period(periodName, clock.GetUtcNow().UtcDateTime) is not { } period)
        {
            return null;
        }

        var (_, name, column) = LearningRollup.Groups.Single(g => g.Kind == kind);
        var rollup = await StateAsync(period);
        var counted = rollup is { } state && state.Members >= options.Value.ExactBelow ? state.RolledUtc : (DateTime?)null;
        var direct = counted is not null ? await RolledUpAsync(name, period) : await cache.GetOrCreateAsync($"board:{column}:{period}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var (connection, transaction) = await session.GetConnectionAsync();
            return (await connection.QueryAsync<(string Id, long Members, long Participants, long Points)>($"""
                SELECT l.{column}, COUNT(*), COUNT(t.user_id), COALESCE(SUM(t.points), 0)
                FROM learner l LEFT JOIN points_total t ON t.user_id = l.user_id AND t.period = @period AND t.points > 0
                WHERE l.{column} IS NOT NULL GROUP BY l.{column}
                """, new { period }, transaction)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        }) ?? [];

        var totals = new List<(TaxonomyTerm Term, long Members, long Participants, long Points)>();
        (long Members, long Participants, long Points) Walk(TaxonomyTerm term)
        {
            var own = direct.TryGetValue(term.Id, out var row) ? (row.Members, row.Participants, row.Points) : (0L, 0L, 0L);
            foreach (var child in term.Children)
            {
                var sum = Walk(child);
                own = (own.Item1 + sum.Members, own.Item2 + sum.Participants, own.Item3 + sum.Points);
            }

            if (own.Item1 > 0)
            {
                totals.Add((term, own.Item1, own.Item2, own.Item3));
            }

            return own;
        }

        foreach (var root in roots)
        {
            Walk(root);
        }

        double Score((TaxonomyTerm Term, long Members, long Participants, long Points) t) =>
            perMember ? Math.Round((double)t.Points / t.Members, 2) : t.Points;
        var ranked = totals
            .OrderByDescending(Score)
            .ThenByDescending(t => (double)t.Participants / t.Members)
            .ThenBy(t => t.Term.Name, StringComparer.Ordinal)
            .Select((t, i) => new BoardEntry(i + 1, t.Term.Id, t.Term.Name, Score(t), (int)t.Members, (int)t.Participants))
            .ToList();

        BoardEntry? mine = null;
        if (me is { } user)
        {
            var (connection, transaction) = await session.GetConnectionAsync();
            var own = await connection.ExecuteScalarAsync<string?>($"SELECT {column} FROM learner WHERE user_id = @user", new { user }, transaction);
            mine = ranked.FirstOrDefault(e => e.Id == own);
        }

        return new Board(periodName, ranked.Take(take).ToList(), mine, counted);
    }

    private async Task<Dictionary<string, (string Id, long Members, long Participants, long Points)>> RolledUpAsync(string kind, string period)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(string Id, long Members, long Participants, long Points)>(
            "SELECT group_id, members, participants, points FROM group_rollup WHERE kind = @kind AND period = @period", new { kind, period }, transaction))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
    }
}
