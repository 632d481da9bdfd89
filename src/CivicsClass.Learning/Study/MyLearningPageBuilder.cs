using System.Globalization;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Points;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Learning.Study;

/// <summary>
/// "My learning": today's tasks and points, the last two weeks, the ledger's latest entries, lessons
/// studied, the courses they belong to with progress and certificates, and what to study next.
/// </summary>
public sealed class MyLearningPageBuilder(
    ISession session,
    PointsLedger ledger,
    LearningProgress progress,
    PointsRuleStore rules,
    IContentManager contentManager,
    IContentCards cards,
    Recommendations recommendations,
    IStringLocalizer<SiteText> text,
    TimeProvider clock)
{
    public async Task<MyLearningViewModel> BuildAsync(long me)
    {
        await progress.VisitAsync(me); // the visit counts toward the streak shown below, so it is saved first
        await session.SaveChangesAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = StudyCalendar.Date(now);
        var days = await ledger.DaysAsync(me, StudyCalendar.ToInt(today.AddDays(-13)));
        var bars = Enumerable.Range(0, 14).Select(i => today.AddDays(i - 13))
            .Select(d => new DayBar(d.ToString("M/d", CultureInfo.InvariantCulture), d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days.GetValueOrDefault(StudyCalendar.ToInt(d))))
            .ToList();
        var tasks = await ledger.TodayAsync(me, rules);

        var entries = await ledger.EntriesAsync(me, 20);
        var lessons = await progress.LessonsAsync(me, 30);
        var certificates = await progress.CertificatesAsync(me);
        var referenced = entries.Select(e => e.SourceId).Concat(lessons.Select(l => l.ContentItemId)).OfType<string>().Distinct().ToList();
        var items = (await contentManager.GetManyAsync(referenced)).ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var names = (await rules.AllAsync()).ToDictionary(r => r.Key, r => r.Value.DisplayName, StringComparer.Ordinal);
        var entryRows = entries.Select(e => new EntryRow(names.GetValueOrDefault(e.Rule, e.Rule), e.Points, DateTime.SpecifyKind(e.CreatedUtc, DateTimeKind.Utc),
            e.SourceId is not null && items.TryGetValue(e.SourceId, out var source) ? source.DisplayText : null,
            e.SourceId is not null && items.TryGetValue(e.SourceId, out var linked) ? cards.UrlOf(linked) : null, e.Reason)).ToList();
        var studied = await cards.CardsAsync(lessons.Where(l => l.StudiedUtc is not null && items.ContainsKey(l.ContentItemId)).Select(l => items[l.ContentItemId]).ToList());

        var courseItems = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var lesson in lessons.Take(10))
        {
            var page = await contentManager.QueryAsync(new ContentQuery
            {
                ContentType = "Course", ReferencedId = lesson.ContentItemId, ReferenceField = nameof(ListPart), Take = 5, IncludeTotal = false,
            });
            foreach (var course in page.Items)
            {
                courseItems.TryAdd(course.ContentItemId, course);
            }
        }

        var courseCards = await cards.CardsAsync(courseItems.Values.ToList());
        var courses = new List<CourseRow>();
        foreach (var course in courseItems.Values)
        {
            var state = await progress.CourseAsync(me, course);
            var certificate = certificates.FirstOrDefault(c => c.CourseId == course.ContentItemId);
            courses.Add(new CourseRow(courseCards.First(c => c.Id == course.ContentItemId), state.Studied, state.Lessons,
                certificate is null ? null : $"/certificates/{certificate.Code}"));
        }

        var recommended = await cards.CardsAsync(await recommendations.ForAsync(me, 4));
        return new MyLearningViewModel(new PageMeta(text["MyLearning"]), await Learners.NameAsync(session, me), await ledger.BalanceAsync(me),
            tasks.Sum(t => t.Today), await progress.StreakAsync(me), tasks.Select(MyDayBuilder.Card).ToList(), bars, entryRows, studied, courses,
            certificates.Select(c => new CertificateRow(c.CourseTitle, $"/certificates/{c.Code}", c.IssuedUtc)).ToList(), recommended);
    }
}
