using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using Dapper;

namespace CivicsClass.Media.Forms;

/// <summary>The length of an item's newest narration that is ready, for study sessions that count listening to it.</summary>
internal sealed class NarrationLength(ISession session) : INarrationLength
{
    public Task<double?> SecondsAsync(string contentItemId)
    {
        const string sql = """
            SELECT duration_seconds FROM lesson_form
            WHERE content_item_id = @contentItemId AND kind = @kind AND state = 'ready' ORDER BY id DESC LIMIT 1
            """;
        return session.ReadAsync((connection, transaction) =>
            connection.QueryFirstOrDefaultAsync<double?>(sql, new { contentItemId, kind = FormKinds.Narration }, transaction));
    }
}
