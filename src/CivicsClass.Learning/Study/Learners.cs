using Dapper;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.Study;

public static class Learners
{
    /// <summary>Records a learner in the caller's unit of work (the accounts store calls it whenever a person is saved).</summary>
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
}
