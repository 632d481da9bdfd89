using Dapper;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Learning.Study;

/// <summary>
/// Lessons for one worker (千人千面): first what workers who studied the same lessons went on to
/// finish, then the newest lessons in the themes this worker studies most. Never a lesson already
/// studied. A worker with no history gets nothing, and the page shows its usual lists.
/// </summary>
public sealed class Recommendations(ISession session, IContentManager contentManager, ContentDefinitionManager definitions)
{
    private const int MaxPeers = 500;

    /// <param name="except">The lesson on screen: never recommended, but counted as one this worker is studying.</param>
    public async Task<IReadOnlyList<ContentItem>> ForAsync(long userId, int take, string? except = null)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var mine = (await connection.QueryAsync<string>(
            "SELECT content_item_id FROM lesson_progress WHERE user_id = @userId ORDER BY started_utc DESC LIMIT 200", new { userId }, transaction)).ToList();
        if (except is not null && !mine.Contains(except, StringComparer.Ordinal))
        {
            // The lesson on screen is the most recent thing this worker turned to, even before a session on it opens.
            mine.Insert(0, except);
        }

        if (mine.Count == 0)
        {
            return [];
        }

        var seen = new HashSet<string>(mine, StringComparer.Ordinal);
        if (except is not null)
        {
            seen.Add(except);
        }

        // Peers are the latest workers to finish one of my recent lessons, a bounded few: a popular
        // lesson's every learner would make this a scan of the whole table on each lesson page.
        var alike = await connection.QueryAsync<string>($"""
            SELECT other.content_item_id FROM lesson_progress other
            WHERE other.studied_utc IS NOT NULL AND other.user_id IN (
                SELECT peer.user_id FROM lesson_progress peer
                WHERE {session.Dialect.InList("peer.content_item_id", "recent")} AND peer.user_id <> @userId AND peer.studied_day IS NOT NULL
                ORDER BY peer.studied_day DESC LIMIT @peers)
            GROUP BY other.content_item_id ORDER BY COUNT(*) DESC, other.content_item_id LIMIT 50
            """, new { userId, recent = mine.Take(20).ToList(), peers = MaxPeers }, transaction);
        var picks = alike.Where(id => !seen.Contains(id)).Take(take).ToList();
        var studiedTypes = await definitions.StudiedTypesAsync();
        var result = (await contentManager.GetManyAsync(picks)).Where(i => studiedTypes.Contains(i.ContentType)).ToList();
        if (result.Count >= take)
        {
            return result.Take(take).ToList();
        }

        var studied = await contentManager.GetManyAsync(mine.Take(30).ToList());
        var themes = studied.SelectMany(l => l.Field<TaxonomyField>("Themes")?.TermIds ?? [])
            .GroupBy(t => t).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key).ToList();
        foreach (var theme in themes)
        {
            var page = await contentManager.QueryAsync(new ContentQuery { ContentTypes = studiedTypes, TermIds = [theme], Take = 20, IncludeTotal = false });
            result.AddRange(page.Items.Where(i => !seen.Contains(i.ContentItemId) && result.All(r => r.ContentItemId != i.ContentItemId)));
            if (result.Count >= take)
            {
                break;
            }
        }

        return result.Take(take).ToList();
    }
}
