using System.Security.Cryptography;
using Dapper;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Points;

namespace CivicsClass.Learning.Study;

/// <summary>
/// Progress per lesson and course, study days and streaks, certificates — and the awards that follow
/// from them (the first visit of a day, finishing a course, a streak bonus). Everything runs in the
/// caller's unit of work, so progress and points commit together.
/// </summary>
public sealed class LearningProgress(ISession session, IContentManager contentManager, PointsRuleStore rules, PointsLedger ledger, TimeProvider clock)
{
    /// <summary>Pays the first visit of the study day; later visits that day find the key taken.</summary>
    public async Task<int> VisitAsync(long userId)
    {
        var rule = await rules.ActiveAsync(Activities.DailyVisit);
        if (rule is null)
        {
            return 0;
        }

        var day = StudyCalendar.Day(clock.GetUtcNow().UtcDateTime);
        var result = await ledger.AwardAsync(rule, new Award(userId, rule.Name, null, Award.KeyFor(rule.Name, userId, day), rule.Points));
        return result.Duplicate ? 0 : result.Points;
    }

    public async Task StartAsync(long userId, string lessonId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO lesson_progress (user_id, content_item_id, started_utc) VALUES (@userId, @lessonId, @now)
            ON CONFLICT (user_id, content_item_id) DO NOTHING
            """, new { userId, lessonId, now = clock.GetUtcNow().UtcDateTime }, transaction);
    }

    /// <summary>Marks a lesson studied and returns the certificates of the courses this finished.</summary>
    public async Task<IReadOnlyList<CertificateInfo>> StudiedAsync(long userId, string lessonId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await connection.ExecuteAsync("""
            INSERT INTO lesson_progress (user_id, content_item_id, started_utc, studied_utc, studied_day) VALUES (@userId, @lessonId, @now, @now, @day)
            ON CONFLICT (user_id, content_item_id) DO UPDATE SET
                studied_utc = COALESCE(lesson_progress.studied_utc, excluded.studied_utc),
                studied_day = COALESCE(lesson_progress.studied_day, excluded.studied_day)
            """, new { userId, lessonId, now, day = StudyCalendar.Day(now) }, transaction);
        var courses = await contentManager.QueryAsync(new ContentQuery
        {
            ContentType = "Course", ReferencedId = lessonId, ReferenceField = nameof(ListPart), Take = 20, IncludeTotal = false,
        });
        var finished = new List<CertificateInfo>();
        foreach (var course in courses.Items)
        {
            var progress = await CourseAsync(userId, course);
            if (progress.Finished && await FinishCourseAsync(userId, course) is { } certificate)
            {
                finished.Add(certificate);
            }
        }

        return finished;
    }

    public async Task QuizPassedAsync(long userId, string lessonId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO lesson_progress (user_id, content_item_id, started_utc, quiz_passed_utc) VALUES (@userId, @lessonId, @now, @now)
            ON CONFLICT (user_id, content_item_id) DO UPDATE SET quiz_passed_utc = COALESCE(lesson_progress.quiz_passed_utc, excluded.quiz_passed_utc)
            """, new { userId, lessonId, now = clock.GetUtcNow().UtcDateTime }, transaction);
    }

    /// <summary>
    /// Records today as a study day and pays the streak bonus when the streak reaches a multiple of the
    /// rule's days. Returns the streak and the bonus paid.
    /// </summary>
    public async Task<(int Streak, int Bonus)> StudyDayAsync(long userId)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var today = StudyCalendar.Day(clock.GetUtcNow().UtcDateTime);
        await connection.ExecuteAsync("INSERT INTO study_day_log (user_id, study_day) VALUES (@userId, @today) ON CONFLICT DO NOTHING",
            new { userId, today }, transaction);
        var streak = await StreakAsync(userId);
        var rule = await rules.ActiveAsync(Activities.StreakBonus);
        var every = (int)(rule?.Setting("Days", 7) ?? 7);
        if (rule is null || every <= 0 || streak < every || streak % every != 0)
        {
            return (streak, 0);
        }

        var result = await ledger.AwardAsync(rule, new Award(userId, rule.Name, null, Award.KeyFor(rule.Name, userId, today), rule.Points));
        return (streak, result.Duplicate ? 0 : result.Points);
    }

    /// <summary>Consecutive study days ending today, or yesterday when today has no study yet.</summary>
    public async Task<int> StreakAsync(long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var today = StudyCalendar.Date(clock.GetUtcNow().UtcDateTime);
        var days = (await connection.QueryAsync<int>(
            "SELECT study_day FROM study_day_log WHERE user_id = @userId AND study_day <= @today ORDER BY study_day DESC LIMIT 1000",
            new { userId, today = StudyCalendar.ToInt(today) }, transaction)).Select(StudyCalendar.FromInt).ToList();
        if (days.Count == 0 || days[0] < today.AddDays(-1))
        {
            return 0;
        }

        var streak = 1;
        while (streak < days.Count && days[streak] == days[streak - 1].AddDays(-1))
        {
            streak++;
        }

        return streak;
    }

    public async Task<IReadOnlyList<int>> StudyDaysAsync(long userId, int fromDay)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<int>("SELECT study_day FROM study_day_log WHERE user_id = @userId AND study_day >= @fromDay ORDER BY study_day",
            new { userId, fromDay }, transaction)).ToList();
    }

    public async Task<CourseProgress> CourseAsync(long userId, ContentItem course)
    {
        var ids = course.Part<ListPart>().ContentItemIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new CourseProgress(course.ContentItemId, 0, 0);
        }

        var (connection, transaction) = await session.GetConnectionAsync();
        var studied = await connection.ExecuteScalarAsync<int>(
            $"SELECT COUNT(*) FROM lesson_progress WHERE user_id = @userId AND studied_utc IS NOT NULL AND {session.Dialect.InList("content_item_id", "ids")}",
            new { userId, ids }, transaction);
        return new CourseProgress(course.ContentItemId, ids.Count, studied);
    }

    /// <summary>The learner's lessons, newest first.</summary>
    public async Task<IReadOnlyList<LessonState>> LessonsAsync(long userId, int take)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<LessonStateRow>("""
            SELECT content_item_id AS ContentItemId, started_utc AS StartedUtc, studied_utc AS StudiedUtc, quiz_passed_utc AS QuizPassedUtc
            FROM lesson_progress WHERE user_id = @userId ORDER BY started_utc DESC LIMIT @take
            """, new { userId, take }, transaction)).Select(r => new LessonState(r.ContentItemId, r.StartedUtc, r.StudiedUtc, r.QuizPassedUtc)).ToList();
    }

    public async Task<LessonState?> LessonAsync(long userId, string lessonId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<LessonStateRow>("""
            SELECT content_item_id AS ContentItemId, started_utc AS StartedUtc, studied_utc AS StudiedUtc, quiz_passed_utc AS QuizPassedUtc
            FROM lesson_progress WHERE user_id = @userId AND content_item_id = @lessonId
            """, new { userId, lessonId }, transaction);
        return row is null ? null : new LessonState(row.ContentItemId, row.StartedUtc, row.StudiedUtc, row.QuizPassedUtc);
    }

    public async Task<IReadOnlyList<CertificateInfo>> CertificatesAsync(long userId)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        return (await connection.QueryAsync<CertificateRow>($"{CertificateRow.Select} WHERE user_id = @userId ORDER BY issued_utc DESC", new { userId }, transaction))
            .Select(r => r.ToInfo()).ToList();
    }

    public async Task<CertificateInfo?> CertificateAsync(string code)
    {
        var (connection, transaction) = await session.GetConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<CertificateRow>($"{CertificateRow.Select} WHERE code = @code", new { code }, transaction);
        return row?.ToInfo();
    }

    /// <summary>
    /// Issues a certificate for something other than a course (a contest's map lit up, <paramref name="kind"/> <c>contest</c>),
    /// verified at the same address with the same QR code. Once per person and item: null when it was issued before.
    /// </summary>
    public async Task<CertificateInfo?> IssueCertificateAsync(long userId, string itemId, string title, string kind)
    {
        var code = await InsertCertificateAsync(userId, itemId, title, kind);
        return code is null ? null : await CertificateAsync(code);
    }

    /// <summary>
    /// Withdraws a certificate of <paramref name="kind"/> when what earned it no longer stands (a voided contest round):
    /// its code no longer verifies, and earning it again issues a new one. False when there was none.
    /// </summary>
    public async Task<bool> WithdrawCertificateAsync(long userId, string itemId, string kind)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        return await connection.ExecuteAsync("DELETE FROM certificate WHERE user_id = @userId AND course_id = @itemId AND kind = @kind",
            new { userId, itemId, kind }, transaction) > 0;
    }

    private async Task<string?> InsertCertificateAsync(long userId, string itemId, string title, string? kind)
    {
        var (connection, transaction) = await session.BeginWriteAsync();
        var code = NewCode();
        var inserted = await connection.ExecuteAsync("""
            INSERT INTO certificate (code, user_id, course_id, course_title, learner_name, issued_utc, kind)
            VALUES (@code, @userId, @itemId, @title, COALESCE((SELECT display_name FROM learner WHERE user_id = @userId), ''), @now, @kind)
            ON CONFLICT (user_id, course_id) DO NOTHING
            """, new { code, userId, itemId, title, now = clock.GetUtcNow().UtcDateTime, kind }, transaction);
        return inserted == 0 ? null : code;
    }

    private async Task<CertificateInfo?> FinishCourseAsync(long userId, ContentItem course)
    {
        var code = await InsertCertificateAsync(userId, course.ContentItemId, course.DisplayText, null);
        if (code is null)
        {
            return null;
        }

        if (await rules.ActiveAsync(Activities.CourseFinish) is { } rule)
        {
            await ledger.AwardAsync(rule, new Award(userId, rule.Name, course.ContentItemId, Award.KeyFor(rule.Name, userId, course.ContentItemId), rule.Points));
        }

        return await CertificateAsync(code);
    }

    /// <summary>Twelve characters from an alphabet without look-alikes: about 60 bits, not guessable.</summary>
    private static string NewCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return string.Create(12, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private sealed class LessonStateRow
    {
        public string ContentItemId { get; set; } = "";
        public DateTime StartedUtc { get; set; }
        public DateTime? StudiedUtc { get; set; }
        public DateTime? QuizPassedUtc { get; set; }
    }

    private sealed class CertificateRow
    {
        public const string Select = "SELECT code AS Code, user_id AS UserId, course_id AS CourseId, course_title AS CourseTitle, learner_name AS LearnerName, issued_utc AS IssuedUtc, kind AS Kind FROM certificate";

        public string Code { get; set; } = "";
        public long UserId { get; set; }
        public string CourseId { get; set; } = "";
        public string CourseTitle { get; set; } = "";
        public string LearnerName { get; set; } = "";
        public DateTime IssuedUtc { get; set; }
        public string? Kind { get; set; }

        public CertificateInfo ToInfo() => new(Code, UserId, CourseId, CourseTitle, LearnerName, DateTime.SpecifyKind(IssuedUtc, DateTimeKind.Utc), Kind);
    }
}
