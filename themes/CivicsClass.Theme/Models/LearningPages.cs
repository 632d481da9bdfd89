namespace CivicsClass.Theme.Models;

/// <summary>The study panel on a lesson page for a signed-in worker: the session the server opened and what completing it needs.</summary>
/// <param name="LessonId">The lesson the panel's script opens a study session on, by POST, once the page has loaded.</param>
public sealed record StudyPanel(string LessonId, int MinSeconds, int? MediaSecondsRequired, bool AlreadyStudied);

public sealed record DayBar(string Label, string Iso, int Points);

public sealed record TaskCard(string Name, string? Description, int Points, int Today, int? Cap);

public sealed record EntryRow(string Activity, int Points, DateTime CreatedUtc, string? Title, string? Url, string? Reason);

public sealed record CourseRow(ContentCard Course, int Studied, int Lessons, string? CertificateUrl)
{
    public int Percent => Lessons == 0 ? 0 : Studied * 100 / Lessons;
}

public sealed record CertificateRow(string Title, string Url, DateTime IssuedUtc);

public sealed record MyLearningViewModel(PageMeta Meta, string Name, int Balance, int Today, int Streak, IReadOnlyList<TaskCard> Tasks,
    IReadOnlyList<DayBar> Days, IReadOnlyList<EntryRow> Entries, IReadOnlyList<ContentCard> Studied, IReadOnlyList<CourseRow> Courses,
    IReadOnlyList<CertificateRow> Certificates, IReadOnlyList<ContentCard> Recommended) : PageViewModel(Meta)
{
    public int MaxDay => Math.Max(1, Days.Count == 0 ? 1 : Days.Max(d => d.Points));
}

public sealed record CertificateViewModel(PageMeta Meta, bool Genuine, string Code, string? Learner, string? Course, DateTime? IssuedUtc,
    string VerifyUrl, string QrSvg, bool ForContest = false) : PageViewModel(Meta);

public sealed record RankRow(int Rank, string Name, double Points, int Members, int Participants, bool Mine);

public sealed record LeaderboardViewModel(PageMeta Meta, string Board, string Period, bool PerMember, IReadOnlyList<RankRow> Entries, RankRow? Me,
    DateTime? CountedUtc = null) : PageViewModel(Meta);

public sealed record DailyQuestionView(string Id, int Number, string Question, IReadOnlyList<string> Options);

public sealed record DailyQuizViewModel(PageMeta Meta, IReadOnlyList<DailyQuestionView> Questions, IReadOnlyList<QuizResultView>? Results, int Awarded,
    string? Message, bool DoneToday = false) : PageViewModel(Meta);

public sealed record CheckInViewModel(PageMeta Meta, string Code, string? Place) : PageViewModel(Meta);

public sealed record CheckInCodeViewModel(PageMeta Meta, string Title, string Url, string QrSvg, DateTime ExpiresUtc, int RefreshSeconds) : PageViewModel(Meta);

public sealed record RequestRow(long Id, string Title, string Detail, int Votes, string Status, bool Voted);

public sealed record RequestsViewModel(PageMeta Meta, IReadOnlyList<RequestRow> Requests, bool CanAsk, FormErrors Errors, string? Title, string? Detail,
    string? Message) : PageViewModel(Meta);

/// <summary>The outcome of an action, in a sentence, with where to go next.</summary>
public sealed record OutcomeViewModel(PageMeta Meta, bool Success, string Heading, string Message, IReadOnlyList<(string Url, string Text)> Links,
    IReadOnlyList<ContentCard>? Next = null) : PageViewModel(Meta);
