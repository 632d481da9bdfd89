using Dapper;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning;

/// <summary>
/// Lessons for one worker (千人千面): first what workers who studied the same lessons went on to
/// finish, then the newest lessons in the themes this worker studies most. Never a lesson already
/// studied. A worker with no history gets nothing, and the page shows its usual lists.
/// </summary>
public sealed class Recommendations(ISession session, IContentManager contentManager)
{
    public async Task<IReadOnlyList<ContentItem>> ForAsync(long userId, int take, string? except = null)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var mine = (await connection.QueryAsync<string>(
            "SELECT content_item_id FROM lesson_progress WHERE user_id = @userId ORDER BY started_utc DESC LIMIT 200", new { userId }, transaction)).ToList();
        if (mine.Count == 0)
        {
            return [];
        }

        var seen = new HashSet<string>(mine, StringComparer.Ordinal);
        if (except is not null)
        {
            seen.Add(except);
        }

        var alike = await connection.QueryAsync<string>($"""
            SELECT other.content_item_id FROM lesson_progress me
            JOIN lesson_progress peer ON peer.content_item_id = me.content_item_id AND peer.user_id <> me.user_id
            JOIN lesson_progress other ON other.user_id = peer.user_id AND other.studied_utc IS NOT NULL
            WHERE me.user_id = @userId AND {session.Dialect.InList("me.content_item_id", "recent")}
            GROUP BY other.content_item_id ORDER BY COUNT(DISTINCT other.user_id) DESC, other.content_item_id LIMIT 50
            """, new { userId, recent = mine.Take(20).ToList() }, transaction);
        var picks = alike.Where(id => !seen.Contains(id)).Take(take).ToList();
        var result = (await contentManager.GetManyAsync(picks)).Where(i => i.ContentType == "Lesson").ToList();
        if (result.Count >= take)
        {
            return result.Take(take).ToList();
        }

        var studied = await contentManager.GetManyAsync(mine.Take(30).ToList());
        var themes = studied.SelectMany(l => l.Field<TaxonomyField>("Themes")?.TermIds ?? [])
            .GroupBy(t => t).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key).ToList();
        foreach (var theme in themes)
        {
            var page = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lesson", TermIds = [theme], Take = 20, IncludeTotal = false });
            result.AddRange(page.Items.Where(i => !seen.Contains(i.ContentItemId) && result.All(r => r.ContentItemId != i.ContentItemId)));
            if (result.Count >= take)
            {
                break;
            }
        }

        return result.Take(take).ToList();
    }
}
