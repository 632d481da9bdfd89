using Dapper;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Contests.Contests;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Study;
using Microsoft.Extensions.Caching.Memory;

namespace CivicsClass.Contests.Rankings;

/// <summary>
/// A contest's standings. People come straight from the entrants' index, ordered by best round; the
/// names of others are shortened (张**), as on the leaderboards, since no one has chosen to be named.
/// Organisations and regions are counted from the entrants and learning's member counts and ranked
/// by <see cref="StandingsCalculator"/>; a node keeps them for <see cref="GroupLifetime"/>.
/// </summary>
internal sealed class StandingsReader(ISession session, TaxonomyService taxonomies, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan GroupLifetime = TimeSpan.FromSeconds(30);

    private const string Order = "best_ratio DESC, lit DESC, rounds DESC, user_id";

    public async Task<(IReadOnlyList<PersonStanding> Top, PersonStanding? Mine)> PeopleAsync(Contest contest, int take, long? me)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = (await connection.QueryAsync<EntrantRow>($"""
            SELECT user_id AS UserId, best_correct AS BestCorrect, best_ratio AS BestRatio, lit AS Lit, rounds AS Rounds
            FROM contest_entrant WHERE contest_id = @id AND rounds > 0 ORDER BY {Order} LIMIT @take
            """, new { id = contest.Id, take }, transaction)).ToList();
        var names = await Learners.NamesAsync(session, rows.Select(r => r.UserId).ToList());
        // Named only by consent, as on the leaderboards; others are shown shortened (张**).
        var named = await Learners.NamedAsync(session, rows.Select(r => r.UserId).ToList());
        var top = rows.Select((r, i) => new PersonStanding(i + 1, r.UserId,
            r.UserId == me || named.Contains(r.UserId) ? names.GetValueOrDefault(r.UserId, "") : Shorten(names.GetValueOrDefault(r.UserId)),
            r.BestCorrect, r.BestRatio, r.Lit, r.Rounds, r.UserId == me)).ToList();
        PersonStanding? mine = top.FirstOrDefault(p => p.Mine);
        if (mine is null && me is { } user)
        {
            var own = await connection.QuerySingleOrDefaultAsync<EntrantRow>("""
                SELECT user_id AS UserId, best_correct AS BestCorrect, best_ratio AS BestRatio, lit AS Lit, rounds AS Rounds
                FROM contest_entrant WHERE contest_id = @id AND user_id = @user AND rounds > 0
                """, new { id = contest.Id, user }, transaction);
            if (own is not null)
            {
                var above = await connection.ExecuteScalarAsync<long>("""
                    SELECT COUNT(*) FROM contest_entrant WHERE contest_id = @id AND rounds > 0 AND (best_ratio > @BestRatio
                        OR (best_ratio = @BestRatio AND (lit > @Lit OR (lit = @Lit AND (rounds > @Rounds OR (rounds = @Rounds AND user_id < @UserId))))))
                    """, new { id = contest.Id, own.BestRatio, own.Lit, own.Rounds, own.UserId }, transaction);
                mine = new PersonStanding((int)above + 1, user, await Learners.NameAsync(session, user), own.BestCorrect, own.BestRatio, own.Lit, own.Rounds, true);
            }
        }

        return (top, mine);
    }

    public async Task<IReadOnlyList<GroupStanding>> GroupsAsync(Contest contest, GroupKind kind) =>
        await cache.GetOrCreateAsync(Key(contest, kind), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = GroupLifetime;
            return await CountGroupsAsync(contest, kind);
        }) ?? [];

    /// <summary>Drops this node's copy of a contest's standings once the unit of work commits, so a person sees their round counted at once.</summary>
    public void ForgetOnCommit(Contest contest) => session.OnCommitted(() =>
    {
        cache.Remove(Key(contest, GroupKind.Organisation));
        cache.Remove(Key(contest, GroupKind.Region));
        return Task.CompletedTask;
    });

    private static string Key(Contest contest, GroupKind kind) => $"contest-standings:{contest.Id}:{kind}:{contest.Weights}";

    /// <summary>Counts the standings now, without the node's copy.</summary>
    public async Task<IReadOnlyList<GroupStanding>> CountGroupsAsync(Contest contest, GroupKind kind)
    {
        var (alias, column) = kind == GroupKind.Organisation ? (Eligibility.OrganisationTaxonomy, "organisation_id") : ("Region", "region_id");
        var taxonomy = await taxonomies.GetTaxonomyAsync(alias, session, published: true);
        var members = await Learners.MembersAsync(session, kind);
        var (connection, transaction) = await session.GetConnectionAsync();
        var figures = (await connection.QueryAsync<(string Id, long Participants, double BestSum, long Days)>($"""
            SELECT {column}, COUNT(*), SUM(best_ratio), SUM(days) FROM contest_entrant
            WHERE contest_id = @id AND rounds > 0 AND {column} IS NOT NULL GROUP BY {column}
            """, new { id = contest.Id }, transaction)).ToDictionary(r => r.Id, r => new GroupFigures(r.Participants, r.BestSum, r.Days), StringComparer.Ordinal);
        return StandingsCalculator.Rank(taxonomy?.Part<TaxonomyPart>().Terms ?? [], members, figures, ElapsedDays(contest), contest.Weights);
    }

    /// <summary>The contest's days so far, today included, and never more than it runs.</summary>
    public int ElapsedDays(Contest contest)
    {
        var today = StudyCalendar.Date(clock.GetUtcNow().UtcDateTime);
        var end = StudyCalendar.Date(contest.EndsUtc);
        var last = today < end ? today : end;
        return Math.Max(1, last.DayNumber - StudyCalendar.Date(contest.StartsUtc).DayNumber + 1);
    }

    private sealed class EntrantRow
    {
        public long UserId { get; set; }
        public int BestCorrect { get; set; }
        public double BestRatio { get; set; }
        public int Lit { get; set; }
        public int Rounds { get; set; }
    }

    /// <summary>A name shortened to its first character (张**), for people who did not choose to be named.</summary>
    private static string Shorten(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "职工" : (char.IsSurrogate(name[0]) && name.Length > 1 ? name[..2] : name[..1]) + "**";
}
