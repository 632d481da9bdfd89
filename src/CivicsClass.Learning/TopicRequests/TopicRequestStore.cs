using Dapper;
using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.TopicRequests;

/// <summary>
/// Lessons on request (点单式): a worker asks for a topic, others add their vote, editors see what is
/// most wanted and mark a request planned or done.
/// </summary>
public sealed class TopicRequestStore(ISession session, TimeProvider clock)
{
    public const int MaxPerDay = 5;
    private const string HiddenCharacters = "不能含有控制字符、改变文字方向的字符或看不见的字符";
    public static readonly string[] Statuses = ["open", "planned", "done"];

    public async Task<IReadOnlyList<TopicRequest>> ListAsync(long? me, int take, bool openOnly = false)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var rows = await connection.QueryAsync<Row>($"""
            SELECT r.id AS Id, r.title AS Title, r.detail AS Detail, r.user_id AS UserId, r.created_utc AS CreatedUtc, r.votes AS Votes, r.status AS Status,
                   EXISTS (SELECT 1 FROM topic_vote v WHERE v.request_id = r.id AND v.user_id = @me) AS VotedByMe
            FROM topic_request r {(openOnly ? "WHERE r.status <> 'done'" : "")}
            ORDER BY r.votes DESC, r.id DESC LIMIT @take
            """, new { me = me ?? 0, take }, transaction);
        return rows.Select(r => new TopicRequest(r.Id, r.Title, r.Detail, r.UserId, DateTime.SpecifyKind(r.CreatedUtc, DateTimeKind.Utc), r.Votes, r.Status, r.VotedByMe)).ToList();
    }

    /// <summary>Adds a request with the asker's own vote; returns the problems by field when it cannot.</summary>
    public async Task<(long? Id, Dictionary<string, string> Errors)> AskAsync(long userId, string? title, string? detail)
    {
        title = title?.Trim() ?? "";
        detail = detail?.Trim() ?? "";
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (title.Length is < 2 or > 60)
        {
            errors["title"] = "想学的专题写 2 到 60 个字";
        }
        else if (TextSafety.HasHiddenCharacters(title))
        {
            errors["title"] = HiddenCharacters;
        }
        else if (TextSafety.ImitatesRole(title))
        {
            errors["title"] = "专题名称不能使用网站角色的称呼，如管理员、编辑部、官方、客服";
        }

        if (detail.Length > 500)
        {
            errors["detail"] = "说明最多 500 个字";
        }
        else if (TextSafety.HasHiddenCharacters(detail, allowLineBreaks: true))
        {
            errors["detail"] = HiddenCharacters;
        }

        var (connection, transaction) = await session.BeginWriteAsync();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM topic_request WHERE user_id = @userId AND created_utc >= @since",
                new { userId, since }, transaction) >= MaxPerDay)
        {
            errors["title"] = $"一天最多提 {MaxPerDay} 个点单，明天再来";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO topic_request (title, detail, user_id, created_utc, votes, status) VALUES (@title, @detail, @userId, @now, 1, 'open') RETURNING id
            """, new { title, detail, userId, now = clock.GetUtcNow().UtcDateTime }, transaction);
        await connection.ExecuteAsync("INSERT INTO topic_vote (request_id, user_id) VALUES (@id, @userId)", new { id, userId }, transaction);
        return (id, errors);
    }

    /// <summary>One vote per worker per request; a second vote changes nothing. False when there is no such request.</summary>
    public async Task<bool> VoteAsync(long userId, long requestId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM topic_request WHERE id = @requestId", new { requestId }, transaction) == 0)
        {
            return false;
        }

        var added = await connection.ExecuteAsync("INSERT INTO topic_vote (request_id, user_id) VALUES (@requestId, @userId) ON CONFLICT DO NOTHING",
            new { requestId, userId }, transaction);
        if (added > 0)
        {
            await connection.ExecuteAsync("UPDATE topic_request SET votes = votes + 1 WHERE id = @requestId", new { requestId }, transaction);
        }

        return true;
    }

    public async Task<bool> SetStatusAsync(long requestId, string status)
    {
        if (!Statuses.Contains(status))
        {
            return false;
        }

        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync("UPDATE topic_request SET status = @status WHERE id = @requestId", new { requestId, status }, transaction) > 0;
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public string Detail { get; set; } = "";
        public long UserId { get; set; }
        public DateTime CreatedUtc { get; set; }
        public int Votes { get; set; }
        public string Status { get; set; } = "";
        public bool VotedByMe { get; set; }
    }
}
