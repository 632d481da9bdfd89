using System.Security.Cryptography;
using System.Text.Json;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Questions;
using CivicsClass.Contests.Rounds;
using CivicsClass.Data.Documents;
using CivicsClass.Learning;
using CivicsClass.Learning.Study;

namespace CivicsClass.Contests.Live;

/// <summary>
/// A live final in a hall: an editor opens a room with the teams, members of those organisations join on
/// their phones, and the editor pushes one question at a time. Everything is decided on the server and kept
/// in the database: the moment a question was pushed, whether an answer came within the question's time,
/// whether it was right and what it scored. One answer per person and question.
/// </summary>
internal sealed class LiveFinalService(
    ISession session, LiveRoomStore store, LiveTeams teams, ContestQuestionBank bank, ContestDirectory contests, TimeProvider clock)
{
    public const int MaxTeams = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(LiveRoom? Room, Refusal? Refusal)> OpenAsync(Contest contest, IReadOnlyList<string> teamIds, int questions, int seconds, long editor)
    {
        if (!contest.LiveFinal)
        {
            return (null, LiveRefusals.NotLive);
        }

        var chosen = teamIds.Distinct(StringComparer.Ordinal).ToList();
        var known = (await teams.AllAsync()).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        if (chosen.Count is < 2 or > MaxTeams || !chosen.All(known.Contains))
        {
            return (null, LiveRefusals.BadTeams);
        }

        if (questions is < 1 or > 50 || seconds is < 5 or > 120)
        {
            return (null, LiveRefusals.BadSettings);
        }

        var pool = await bank.GetAsync(contest.Id);
        if (pool.Count == 0)
        {
            return (null, ContestRefusals.NoQuestions);
        }

        var room = new LiveRoom
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9)), ContestId = contest.Id, TeamsJson = JsonSerializer.Serialize(chosen),
            QuestionsJson = JsonSerializer.Serialize(RoundDraw.Draw(pool, new HashSet<string>(), questions)), QuestionSeconds = seconds,
            OpenedBy = editor, OpenedUtc = Now,
        };
        await store.InsertAsync(room);
        return (room, null);
    }

    /// <summary>Admits a member of one of the room's teams; returns the team they play for.</summary>
    public async Task<(string? Team, Refusal? Refusal)> JoinAsync(string roomId, long userId)
    {
        if (await store.GetAsync(roomId) is not { } room)
        {
            return (null, LiveRefusals.NoRoom);
        }

        if (await store.TeamOfAsync(roomId, userId) is { } joined)
        {
            return (joined, null);
        }

        if (room.FinishedUtc is not null)
        {
            return (null, LiveRefusals.Over);
        }

        var learner = await Learners.GetAsync(session, userId);
        if (await teams.TeamOfAsync(room.Teams, learner?.OrganisationId) is not { } team)
        {
            return (null, LiveRefusals.NotATeam);
        }

        await store.JoinAsync(roomId, userId, team, Now);
        return (team, null);
    }

    /// <summary>Pushes the next question, or ends the final after the last one; <paramref name="from"/> is the question the editor saw.</summary>
    public async Task<Refusal?> AdvanceAsync(string roomId, int from)
    {
        if (await store.GetAsync(roomId) is not { } room)
        {
            return LiveRefusals.NoRoom;
        }

        if (room.FinishedUtc is not null)
        {
            return LiveRefusals.Over;
        }

        if (room.Position != from)
        {
            return LiveRefusals.Moved;
        }

        var moved = from >= room.Questions.Count ? await store.FinishAsync(roomId, Now) : await store.AdvanceAsync(roomId, from, Now);
        return moved ? null : LiveRefusals.Moved;
    }

    public async Task<Refusal?> FinishAsync(string roomId) =>
        await store.GetAsync(roomId) is null ? LiveRefusals.NoRoom
        : await store.FinishAsync(roomId, Now) ? null : LiveRefusals.Over;

    /// <summary>Takes one answer to the question on screen (numbered from 1) if it comes within the question's time, timed by the server.</summary>
    public async Task<Refusal?> AnswerAsync(string roomId, long userId, int number, int option)
    {
        var now = Now;
        if (await store.GetAsync(roomId) is not { } room)
        {
            return LiveRefusals.NoRoom;
        }

        if (await store.TeamOfAsync(roomId, userId) is not { } team)
        {
            return LiveRefusals.NotJoined;
        }

        switch (room.Stage(now))
        {
            case LiveStage.Finished:
                return LiveRefusals.Over;
            case LiveStage.Lobby:
                return LiveRefusals.NotOpen;
            case LiveStage.Closed when number == room.Position:
                return LiveRefusals.Late;
        }

        if (number != room.Position)
        {
            return LiveRefusals.Moved;
        }

        var question = room.Questions[number - 1];
        if (option < 0 || option >= question.Options.Count)
        {
            return LiveRefusals.BadAnswer;
        }

        var elapsed = (int)Math.Max(0, (now - room.Pushed!.Value).TotalMilliseconds);
        var correct = option == question.Answer;
        var answer = new LiveAnswer(roomId, number, userId, team, option, correct, elapsed, LiveScoring.Score(correct, elapsed, room.QuestionSeconds), now);
        return await store.AnswerAsync(answer) ? null : LiveRefusals.AlreadyAnswered;
    }

    /// <summary>The room as every screen shows it now, or null when there is no such room.</summary>
    public async Task<LiveSnapshot?> SnapshotAsync(string roomId)
    {
        if (await store.GetAsync(roomId) is not { } room)
        {
            return null;
        }

        var stage = room.Stage(Now);
        var questions = room.Questions;
        var current = room.Position >= 1 && room.Position <= questions.Count ? questions[room.Position - 1] : null;
        var names = (await teams.AllAsync()).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        var figures = (await store.TeamFiguresAsync(roomId)).ToDictionary(f => f.TeamId, StringComparer.Ordinal);
        var ranked = room.Teams
            .Select(id => (Id: id, Figures: figures.TryGetValue(id, out var f) ? f : (id, 0L, 0L, 0L, 0L)))
            .OrderByDescending(t => t.Figures.Item2).ThenByDescending(t => t.Figures.Item3).ThenBy(t => t.Figures.Item4).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select((t, i) => new LiveTeamScore(i + 1, t.Id, names.GetValueOrDefault(t.Id, t.Id), (int)t.Figures.Item2, (int)t.Figures.Item3, (int)t.Figures.Item5))
            .ToList();
        var showQuestion = stage is LiveStage.Question or LiveStage.Closed;
        return new LiveSnapshot(
            room.Id, (await contests.GetAsync(room.ContestId))?.Title ?? "", stage.ToString().ToLowerInvariant(), room.Position, questions.Count,
            showQuestion ? current?.Question : null, showQuestion ? current?.Options : null, room.QuestionSeconds,
            stage == LiveStage.Question ? room.Deadline : null,
            stage == LiveStage.Closed ? current?.Answer : null,
            current is null ? 0 : await store.AnswerCountAsync(roomId, room.Position),
            ranked.Sum(t => t.Players), ranked);
    }
}
