using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Media.Forms;

internal sealed class FormJobReport(ISession session) : IFormJobReport
{
    public async Task<FormJobSummary> ReadAsync(int take)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var counts = await connection.QueryAsync<(string Kind, string State, long Jobs)>(
            "SELECT kind, state, COUNT(*) FROM lesson_form WHERE state <> @superseded GROUP BY kind, state ORDER BY kind, state",
            new { superseded = FormState.Superseded }, transaction);
        var open = await connection.QueryAsync<(long Id, string ContentItemId, string Kind, string State, int Attempts, string? Error, DateTime CreatedUtc)>($"""
            SELECT id, content_item_id, kind, state, attempts, error, created_utc FROM lesson_form
            WHERE state IN (@pending, @running, @failed, @unavailable) ORDER BY id DESC LIMIT {Math.Clamp(take, 1, 500)}
            """, new { pending = FormState.Pending, running = FormState.Running, failed = FormState.Failed, unavailable = FormState.Unavailable }, transaction);
        return new FormJobSummary(
            counts.Select(c => new FormJobCount(c.Kind, c.State, c.Jobs)).ToList(),
            open.Select(o => new FormJobEntry(o.Id, o.ContentItemId, o.Kind, o.State, o.Attempts, o.Error, DateTime.SpecifyKind(o.CreatedUtc, DateTimeKind.Utc))).ToList());
    }
}
