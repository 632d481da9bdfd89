using Dapper;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Leaderboards;

namespace CivicsClass.Learning.Study;

public static class Learners
{
    /// <summary>Records a learner in the caller's unit of work (<see cref="LearnerRecord"/> calls it whenever an account is saved).</summary>
    public static async Task SaveAsync(ISession session, Learner learner)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO learner (user_id, display_name, organisation_id, region_id, show_name) VALUES (@UserId, @DisplayName, @OrganisationId, @RegionId, @ShowName)
            ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, organisation_id = excluded.organisation_id, region_id = excluded.region_id,
                show_name = excluded.show_name
            """, learner, transaction);
    }

    public static async Task<string> NameAsync(ISession session, long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT display_name FROM learner WHERE user_id = @userId", new { userId }, transaction) ?? "";
    }

    /// <summary>The learner's name, union organisation and region, or null for someone never recorded.</summary>
    public static async Task<Learner?> GetAsync(ISession session, long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        // Read as a tuple: SQLite returns the yes/no column as a number, which a record's constructor would not take.
        var row = await connection.QuerySingleOrDefaultAsync<(long UserId, string DisplayName, string? OrganisationId, string? RegionId, bool ShowName)?>("""
            SELECT user_id, display_name, organisation_id, region_id, show_name FROM learner WHERE user_id = @userId
            """, new { userId }, transaction);
        return row is { } r ? new Learner(r.UserId, r.DisplayName, r.OrganisationId, r.RegionId, r.ShowName) : null;
    }

    /// <summary>How many learners each organisation or region has directly (not counting its sub-organisations).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> MembersAsync(ISession session, GroupKind kind)
    {
        var column = LearningRollup.Groups.Single(g => g.Kind == kind).Column;
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(string Id, long Members)>(
            $"SELECT {column}, COUNT(*) FROM learner WHERE {column} IS NOT NULL GROUP BY {column}", transaction: transaction))
            .ToDictionary(r => r.Id, r => r.Members, StringComparer.Ordinal);
    }

    /// <summary>The names of several learners, by id; those never recorded are left out.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> NamesAsync(ISession session, IReadOnlyCollection<long> userIds)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(long UserId, string Name)>(
            $"SELECT user_id, display_name FROM learner WHERE {session.Dialect.InList("user_id", "ids")}", new { ids = userIds.ToArray() }, transaction))
            .ToDictionary(r => r.UserId, r => r.Name);
    }

    /// <summary>Of several learners, those who chose to be named on boards (在排行榜显示我的名字).</summary>
    public static async Task<IReadOnlySet<long>> NamedAsync(ISession session, IReadOnlyCollection<long> userIds)
    {
        if (userIds.Count == 0)
        {
            return new HashSet<long>();
        }

        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<long>(
            $"SELECT user_id FROM learner WHERE show_name = TRUE AND {session.Dialect.InList("user_id", "ids")}", new { ids = userIds.ToArray() }, transaction))
            .ToHashSet();
    }
}
