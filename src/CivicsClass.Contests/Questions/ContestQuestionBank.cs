using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Contests.Contests;
using Microsoft.Extensions.Caching.Memory;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Contests.Questions;

/// <summary>
/// A contest's questions: its own, and the quizzes of the lessons it names, of the lessons of the
/// courses it names and of the lessons under the themes it names, each lesson once, in a stable
/// order. Kept per node for a minute: a round copies the questions it draws, so a lesson edited
/// meanwhile never changes a round under way.
/// </summary>
internal sealed class ContestQuestionBank(IContentManager contentManager, ContentDefinitionManager definitions, IMemoryCache cache)
{
    private const int MaxLessons = 2000;

    public async Task<IReadOnlyList<BankQuestion>> GetAsync(string contestId) =>
        await cache.GetOrCreateAsync($"contest-bank:{contestId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await BuildAsync(contestId);
        }) ?? [];

    private async Task<IReadOnlyList<BankQuestion>> BuildAsync(string contestId)
    {
        if (await contentManager.GetAsync(contestId) is not { ContentType: Contest.ContentType } contest)
        {
            return [];
        }

        var studied = await definitions.StudiedTypesAsync();
        if (studied.Count == 0)
        {
            return Questions(contest).ToList();
        }

        var lessons = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var id in contest.Field<ContentPickerField>("QuestionLessons")?.ContentItemIds ?? [])
        {
            if (await contentManager.GetAsync(id) is { } lesson && studied.Contains(lesson.ContentType))
            {
                lessons.TryAdd(lesson.ContentItemId, lesson);
            }
        }

        foreach (var course in contest.Field<ContentPickerField>("QuestionCourses")?.ContentItemIds ?? [])
        {
            Add(lessons, await contentManager.QueryAsync(new ContentQuery
            {
                ContentTypes = studied, ContainerId = course, OrderBy = ContentOrder.ContainerPosition, Take = MaxLessons, IncludeTotal = false,
            }));
        }

        foreach (var theme in contest.Field<TaxonomyField>("QuestionThemes")?.TermIds ?? [])
        {
            Add(lessons, await contentManager.QueryAsync(new ContentQuery { ContentTypes = studied, TermIds = [theme], Take = MaxLessons, IncludeTotal = false }));
        }

        var own = Questions(contest);
        return own.Concat(lessons.Values.OrderBy(l => l.ContentItemId, StringComparer.Ordinal).SelectMany(Questions)).ToList();
    }

    private static void Add(Dictionary<string, ContentItem> lessons, ContentPage page)
    {
        foreach (var lesson in page.Items)
        {
            lessons.TryAdd(lesson.ContentItemId, lesson);
        }
    }

    private static IEnumerable<BankQuestion> Questions(ContentItem item) =>
        item.Part<QuizPart>().Questions
            .Select((q, n) => new BankQuestion($"{item.ContentItemId}:{n + 1}", q))
            .Where(q => q.Question.Options.Count > 1 && q.Question.Answer >= 0 && q.Question.Answer < q.Question.Options.Count);
}
