using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Learning.Points;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Learning.Study;

/// <summary>
/// The home page's start of a worker's day: streak, today's and total points, today's tasks with the points
/// still to earn (the cards of "my learning"), and the lessons begun but not finished, newest first.
/// Reading it records nothing: the home page is looked at far more often than it is meant as a visit.
/// </summary>
public sealed class MyDayBuilder(ISession session, PointsLedger ledger, PointsRuleStore rules, LearningProgress progress, IContentManager contentManager,
    ContentDefinitionManager definitions, IContentCards cards)
{
    public async Task<MyDay> BuildAsync(long me, int continueTake = 4)
    {
        var tasks = (await ledger.TodayAsync(me, rules)).Select(Card).ToList();
        var unfinished = (await progress.LessonsAsync(me, 30)).Where(l => l.StudiedUtc is null).Select(l => l.ContentItemId).ToList();
        var studied = await definitions.StudiedTypesAsync();
        var items = (await contentManager.GetManyAsync(unfinished)).Where(i => studied.Contains(i.ContentType)).ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var continuing = await cards.CardsAsync(unfinished.Where(items.ContainsKey).Take(continueTake).Select(id => items[id]).ToList());
        return new MyDay(await Learners.NameAsync(session, me), await progress.StreakAsync(me), tasks.Sum(t => t.Today), await ledger.BalanceAsync(me),
            tasks, continuing);
    }

    /// <summary>A task as "my learning" shows it, with the page where it is done.</summary>
    public static TaskCard Card(TodayTask task) => new(task.Name, task.Description, task.Points, task.Today, task.DailyCap, task.Activity switch
    {
        Activities.StudyText or Activities.StudyMedia => "/lessons",
        Activities.DailyQuiz => "/learning/daily-quiz",
        Activities.CheckIn => "/events",
        Activities.QuizPass => "/lessons",
        _ => null,
    });
}
