using Dapper;
using CivicsClass.Data.Documents;

namespace CivicsClass.Contests.Live;

/// <summary>Live finals' rooms, who joined them and their answers, in the caller's unit of work.</summary>
internal sealed class LiveRoomStore(ISession session)
{
    public async Task InsertAsync(LiveRoom room)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO contest_live_room (id, contest_id, teams, questions, question_seconds, position, version, opened_by, opened_utc)
            VALUES (@Id, @ContestId, @TeamsJson, @QuestionsJson, @QuestionSeconds, 0, 0, @OpenedBy, @OpenedUtc)
            """, room, transaction);
    }

    public async Task<LiveRoom?> GetAsync(string roomId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<LiveRoom>($"SELECT {LiveRoom.Columns} FROM contest_live_room WHERE id = @roomId",
            new { roomId }, transaction);
    }

    /// <summary>A contest's rooms, newest first.</summary>
    public async Task<IReadOnlyList<LiveRoom>> ForContestAsync(string contestId, int take = 20)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<LiveRoom>(
            $"SELECT {LiveRoom.Columns} FROM contest_live_room WHERE contest_id = @contestId ORDER BY opened_utc DESC LIMIT @take",
            new { contestId, take }, transaction)).ToList();
    }

    /// <summary>
    /// Puts the next question on screen, stamped with the server's time; only from <paramref name="from"/>, so a
    /// button pressed twice, or on two screens, moves the room once. False when the room had already moved.
    /// </summary>
    public async Task<bool> AdvanceAsync(string roomId, int from, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync("""
            UPDATE contest_live_room SET position = position + 1, pushed_utc = @now, version = version + 1
            WHERE id = @roomId AND position = @from AND finished_utc IS NULL
            """, new { roomId, from, now }, transaction) == 1;
    }

    public async Task<bool> FinishAsync(string roomId, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync(
            "UPDATE contest_live_room SET finished_utc = @now, version = version + 1 WHERE id = @roomId AND finished_utc IS NULL",
            new { roomId, now }, transaction) == 1;
    }

    /// <summary>Admits a member to a team; joining again keeps the team first joined.</summary>
    public async Task JoinAsync(string roomId, long userId, string teamId, DateTime now)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO contest_live_player (room_id, user_id, team_id, joined_utc) VALUES (@roomId, @userId, @teamId, @now)
            ON CONFLICT (room_id, user_id) DO NOTHING
            """, new { roomId, userId, teamId, now }, transaction);
    }

    public async Task<string?> TeamOfAsync(string roomId, long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT team_id FROM contest_live_player WHERE room_id = @roomId AND user_id = @userId",
            new { roomId, userId }, transaction);
    }

    /// <summary>Records an answer once per person and question; false when they had answered it already.</summary>
    public async Task<bool> AnswerAsync(LiveAnswer answer)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync("""
            INSERT INTO contest_live_answer (room_id, position, user_id, team_id, chosen, correct, elapsed_ms, score, answered_utc)
            VALUES (@RoomId, @Position, @UserId, @TeamId, @Chosen, @Correct, @ElapsedMs, @Score, @AnsweredUtc)
            ON CONFLICT (room_id, position, user_id) DO NOTHING
            """, answer, transaction) == 1;
    }

    /// <summary>Each team's points, right answers, time spent on right answers and members joined (teams without either are absent).</summary>
    public async Task<IReadOnlyList<(string TeamId, long Score, long Correct, long CorrectMs, long Players)>> TeamFiguresAsync(string roomId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(string, long, long, long, long)>("""
            SELECT p.team_id,
                COALESCE((SELECT SUM(a.score) FROM contest_live_answer a WHERE a.room_id = @roomId AND a.team_id = p.team_id), 0),
                (SELECT COUNT(*) FROM contest_live_answer a WHERE a.room_id = @roomId AND a.team_id = p.team_id AND a.correct),
                COALESCE((SELECT SUM(a.elapsed_ms) FROM contest_live_answer a WHERE a.room_id = @roomId AND a.team_id = p.team_id AND a.correct), 0),
                COUNT(*)
            FROM contest_live_player p WHERE p.room_id = @roomId GROUP BY p.team_id
            """, new { roomId }, transaction)).ToList();
    }

    public async Task<int> AnswerCountAsync(string roomId, int position)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM contest_live_answer WHERE room_id = @roomId AND position = @position",
            new { roomId, position }, transaction);
    }

    /// <summary>Each person's points in a room, best first: right answers above wrong, then faster above slower.</summary>
    public async Task<IReadOnlyList<(long UserId, long Score)>> PeopleAsync(string roomId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<(long, long)>("""
            SELECT p.user_id, COALESCE(SUM(a.score), 0) AS total
            FROM contest_live_player p LEFT JOIN contest_live_answer a ON a.room_id = p.room_id AND a.user_id = p.user_id
            WHERE p.room_id = @roomId GROUP BY p.user_id ORDER BY total DESC, p.user_id
            """, new { roomId }, transaction)).ToList();
    }
}
