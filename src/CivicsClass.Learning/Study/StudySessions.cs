using Dapper;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Points;
using Microsoft.Extensions.Options;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Learning.Study;

/// <summary>
/// Study sessions: the server opens one when a worker opens a lesson and times it. A lesson counts
/// only after a minimum time that grows with its length; a lesson with video or audio counts only
/// after heartbeats have accrued enough played time, where each heartbeat may add no more than the
/// server's elapsed time × the fastest playback speed, and nothing across a gap. Opening a lesson
/// supersedes the worker's other open sessions, so two windows cannot accrue time twice; only an
/// explicit request opens one (a POST from the study panel or the app), never the view of a page.
/// Opening the same lesson again while its session is open and was alive within
/// <see cref="StudyOptions.ResumeMinutes"/> resumes that session: time counts from its first opening,
/// so going back, reloading or switching apps costs a worker nothing and gains nothing either.
/// A text lesson whose narration is made can be studied by listening too: heartbeats accrue against the
/// narration, and playing it by the media rule stands in for the reading time.
/// </summary>
public sealed class StudySessions(ISession session, IContentManager contentManager, ContentDefinitionManager definitions, PointsRuleStore rules, PointsLedger ledger,
    LearningProgress progress, TimeProvider clock, IOptions<StudyOptions> options, IEnumerable<INarrationLength> narrations)
{
    /// <summary>The most seconds of media a heartbeat may report: a day. Anything else is not a number of seconds played.</summary>
    public const double MaxReportedSeconds = 86_400;

    /// <summary>Whether a reported number of seconds played is a real one: finite, not negative, not absurd.</summary>
    public static bool IsPlausible(double reportedSeconds) => double.IsFinite(reportedSeconds) && reportedSeconds is >= 0 and <= MaxReportedSeconds;

    /// <summary>What a lesson asks before it counts, read without opening anything.</summary>
    public async Task<StudyTerms> TermsAsync(ContentItem lesson)
    {
        var all = await rules.AllAsync();
        var text = all.GetValueOrDefault(Activities.StudyText);
        var minutes = Math.Max(0, (double)(lesson.Field<NumericField>("Duration")?.Value ?? 3m));
        // Rules are validated when saved; the order is still enforced here so a rule stored before that cannot break a page.
        var low = text?.Setting("MinSeconds", 30) ?? 30;
        var high = Math.Max(low, text?.Setting("MaxSeconds", 600) ?? 600);
        var minSeconds = (int)Math.Clamp(minutes * (text?.Setting("SecondsPerMinute", 20) ?? 20), low, high);
        var player = lesson.Part<MediaPlayerPart>();
        int? mediaDuration = player.VideoUrl is null && player.AudioUrl is null ? null : player.DurationSeconds ?? (int)(minutes * 60);
        var optional = false;
        if (mediaDuration is null && narrations.FirstOrDefault() is { } narration && await narration.SecondsAsync(lesson.ContentItemId) is >= 1 and var seconds)
        {
            mediaDuration = (int)Math.Ceiling(seconds);
            optional = true;
        }

        return new StudyTerms(minSeconds, mediaDuration, Required(mediaDuration, all.GetValueOrDefault(Activities.StudyMedia)), optional);
    }

    public async Task<StudyOpened?> OpenAsync(long userId, string lessonId)
    {
        var lesson = await contentManager.GetAsync(lessonId);
        if (lesson is null || !await definitions.IsStudiedAsync(lesson.ContentType))
        {
            return null;
        }

        var media = (await rules.AllAsync()).GetValueOrDefault(Activities.StudyMedia);
        var now = clock.GetUtcNow().UtcDateTime;
        var (connection, transaction) = await session.BeginWriteAsync();
        var open = await OpenRowAsync(connection, transaction, userId, lessonId, now, session.Dialect.ForUpdate);
        StudyOpened opened;
        if (open is not null)
        {
            await connection.ExecuteAsync("""
                UPDATE study_session SET superseded = TRUE WHERE user_id = @userId AND completed_utc IS NULL AND superseded = FALSE AND id <> @id;
                UPDATE study_session SET last_beat_utc = @now WHERE id = @id;
                """, new { userId, id = open.Id, now }, transaction);
            opened = new StudyOpened(open.Id, open.MinSeconds, Required(open.MediaDuration, media), 0, Elapsed(open, now), (int)Played(open), Resumed: true);
        }
        else
        {
            var (minSeconds, mediaDuration, required, optional) = await TermsAsync(lesson);
            var id = Guid.NewGuid().ToString("N");
            await connection.ExecuteAsync("""
                UPDATE study_session SET superseded = TRUE WHERE user_id = @userId AND completed_utc IS NULL AND superseded = FALSE;
                INSERT INTO study_session (id, user_id, content_item_id, opened_utc, min_seconds, media_duration, media_seconds, last_beat_utc, superseded, media_optional)
                VALUES (@id, @userId, @lessonId, @now, @minSeconds, @mediaDuration, 0, @now, FALSE, @optional);
                """, new { id, userId, lessonId, now, minSeconds, mediaDuration, optional }, transaction);
            opened = new StudyOpened(id, minSeconds, required, 0);
        }

        await progress.StartAsync(userId, lessonId);
        return opened with { VisitPoints = await progress.VisitAsync(userId) };
    }

    /// <summary>The worker's resumable session on a lesson, for the lesson page to show where it stands; opens and changes nothing.</summary>
    public async Task<OpenStudy?> CurrentAsync(long userId, string lessonId)
    {
        var media = (await rules.AllAsync()).GetValueOrDefault(Activities.StudyMedia);
        var now = clock.GetUtcNow().UtcDateTime;
        var (connection, transaction) = await session.GetConnectionAsync();
        return await OpenRowAsync(connection, transaction, userId, lessonId, now, "") is { } row
            ? new OpenStudy(row.Id, row.MinSeconds, Required(row.MediaDuration, media), Elapsed(row, now), (int)Played(row))
            : null;
    }

    /// <summary>The lesson a worker's session is on, so a refusal can send them back to it; null for a session that is not theirs.</summary>
    public async Task<string?> LessonOfAsync(long userId, string sessionId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT content_item_id FROM study_session WHERE id = @sessionId AND user_id = @userId",
            new { sessionId, userId }, transaction);
    }

    /// <summary>Accrues played media time from a heartbeat that reports the total seconds played in this session.</summary>
    public async Task<(StudyBeat? Beat, Refusal? Refusal)> HeartbeatAsync(long userId, string sessionId, double reportedSeconds)
    {
        if (!IsPlausible(reportedSeconds))
        {
            return (null, Refusal.MediaSecondsInvalid);
        }

        var media = (await rules.AllAsync()).GetValueOrDefault(Activities.StudyMedia);
        var (connection, transaction) = await session.BeginWriteAsync();
        var row = await LockAsync(connection, transaction, userId, sessionId);
        if (row is null)
        {
            return (null, Refusal.NotFound("这次学习"));
        }

        if (row.Superseded)
        {
            return (null, Refusal.Superseded);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var elapsed = (now - DateTime.SpecifyKind(row.LastBeatUtc, DateTimeKind.Utc)).TotalSeconds;
        var accrued = Played(row);
        if (row.CompletedUtc is null && row.MediaDuration is { } duration && elapsed <= (media?.Setting("MaxGapSeconds", 90) ?? 90))
        {
            var claimed = Math.Max(0, reportedSeconds - accrued);
            var possible = Math.Max(0, elapsed) * (media?.Setting("MaxPlaybackRate", 2) ?? 2);
            accrued = Math.Min(duration, accrued + Math.Min(claimed, possible));
        }

        await connection.ExecuteAsync("UPDATE study_session SET media_seconds = @accrued, last_beat_utc = @now WHERE id = @sessionId",
            new { accrued, now, sessionId }, transaction);
        return (new StudyBeat((int)accrued, Required(row.MediaDuration, media), Elapsed(row, now)), null);
    }

    /// <summary>
    /// Completes a session once. A repeated completion (a retry, a double tap, a hundred at once)
    /// gets the first one's answer and pays nothing more.
    /// </summary>
    public async Task<(StudyCompleted? Completed, Refusal? Refusal)> CompleteAsync(long userId, string sessionId)
    {
        // Rules are read (and, once a minute, loaded on a connection of their own) before any row is held.
        var all = await rules.AllAsync();
        var (connection, transaction) = await session.BeginWriteAsync();
        var row = await LockAsync(connection, transaction, userId, sessionId);
        if (row is null)
        {
            return (null, Refusal.NotFound("这次学习"));
        }

        if (row.CompletedUtc is not null)
        {
            var earlier = row.Outcome is null ? null : RefusalFor(row.Outcome, row.ContentItemId);
            return (new StudyCompleted(row.Awarded ?? 0, await ledger.BalanceAsync(userId), await progress.StreakAsync(userId), [], earlier), null);
        }

        if (row.Superseded)
        {
            return (null, Refusal.Superseded);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var left = row.MinSeconds - Elapsed(row, now);
        var listened = row.MediaDuration is not null && Played(row) >= Required(row.MediaDuration, all.GetValueOrDefault(Activities.StudyMedia))!.Value;
        if (left > 0 && !(row.MediaOptional && listened))
        {
            return (null, Refusal.TooEarly(left));
        }

        // A narrated text lesson stays a text lesson for points: one award per lesson, whichever way it was studied.
        var activity = row.MediaDuration is null || row.MediaOptional ? Activities.StudyText : Activities.StudyMedia;
        if (row.MediaDuration is not null && !row.MediaOptional && !listened)
        {
            var required = Required(row.MediaDuration, all.GetValueOrDefault(Activities.StudyMedia))!.Value;
            return (null, Refusal.NotPlayed((int)Played(row), required));
        }

        var awarded = 0;
        string? outcome = null;
        var rule = all.GetValueOrDefault(activity) is { Enabled: true } active ? active : null;
        if (rule is null)
        {
            outcome = "rule-disabled";
        }
        else
        {
            var result = await ledger.AwardAsync(rule, new Award(userId, activity, row.ContentItemId, Award.KeyFor(activity, userId, row.ContentItemId), rule.Points, sessionId));
            awarded = result.Duplicate ? 0 : result.Points;
            outcome = result.Duplicate ? "already-earned" : result.Capped && result.Points == 0 ? "daily-cap" : null;
        }

        var certificates = await progress.StudiedAsync(userId, row.ContentItemId);
        var (streak, _) = await progress.StudyDayAsync(userId);
        await connection.ExecuteAsync("UPDATE study_session SET completed_utc = @now, awarded = @awarded, outcome = @outcome WHERE id = @sessionId",
            new { now, awarded, outcome, sessionId }, transaction);
        var refusal = outcome is null ? null : RefusalFor(outcome, row.ContentItemId, rule?.DisplayName);
        return (new StudyCompleted(awarded, await ledger.BalanceAsync(userId), streak, certificates, refusal), null);
    }

    private static Refusal RefusalFor(string outcome, string lessonId, string? activity = null) => outcome switch
    {
        "already-earned" => Refusal.AlreadyEarned,
        "daily-cap" => Refusal.Capped(activity ?? "学习"),
        "rule-disabled" => Refusal.RuleOff,
        _ => Refusal.NotFound(lessonId),
    };

    /// <summary>The seconds played as stored, trusted only when they are a possible value: anything else counts as nothing played.</summary>
    private static double Played(SessionRow row) =>
        double.IsFinite(row.MediaSeconds) && row.MediaSeconds >= 0 && row.MediaSeconds <= (row.MediaDuration ?? 0) ? row.MediaSeconds : 0;

    private static int? Required(int? mediaDuration, PointsRule? media) =>
        mediaDuration is { } duration ? (int)Math.Ceiling(duration * (media?.Setting("MinProgress", 0.8) ?? 0.8)) : null;

    private static int Elapsed(SessionRow row, DateTime now) => Math.Max(0, (int)(now - DateTime.SpecifyKind(row.OpenedUtc, DateTimeKind.Utc)).TotalSeconds);

    private const string Columns = """
        id AS Id, content_item_id AS ContentItemId, opened_utc AS OpenedUtc, min_seconds AS MinSeconds, media_duration AS MediaDuration,
        media_seconds AS MediaSeconds, last_beat_utc AS LastBeatUtc, superseded AS Superseded, completed_utc AS CompletedUtc,
        awarded AS Awarded, outcome AS Outcome, media_optional AS MediaOptional
        """;

    /// <summary>The open session on a lesson that was alive within the resume window, newest first.</summary>
    private async Task<SessionRow?> OpenRowAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, long userId,
        string lessonId, DateTime now, string forUpdate)
    {
        var since = now.AddMinutes(-Math.Max(0, options.Value.ResumeMinutes));
        return await connection.QueryFirstOrDefaultAsync<SessionRow>($"""
            SELECT {Columns} FROM study_session
            WHERE user_id = @userId AND content_item_id = @lessonId AND completed_utc IS NULL AND superseded = FALSE AND last_beat_utc >= @since
            ORDER BY opened_utc DESC LIMIT 1{forUpdate}
            """, new { userId, lessonId, since }, transaction);
    }

    private async Task<SessionRow?> LockAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long userId, string sessionId) =>
        await connection.QuerySingleOrDefaultAsync<SessionRow>($"""
            SELECT {Columns}
            FROM study_session WHERE id = @sessionId AND user_id = @userId{session.Dialect.ForUpdate}
            """, new { sessionId, userId }, transaction);

    private sealed class SessionRow
    {
        public string Id { get; set; } = "";
        public string ContentItemId { get; set; } = "";
        public DateTime OpenedUtc { get; set; }
        public int MinSeconds { get; set; }
        public int? MediaDuration { get; set; }
        public double MediaSeconds { get; set; }
        public DateTime LastBeatUtc { get; set; }
        public bool Superseded { get; set; }

        public bool MediaOptional { get; set; }
        public DateTime? CompletedUtc { get; set; }
        public int? Awarded { get; set; }
        public string? Outcome { get; set; }
    }
}
