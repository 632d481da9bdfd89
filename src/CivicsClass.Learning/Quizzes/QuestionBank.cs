using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Caching;

namespace CivicsClass.Learning.Quizzes;

/// <summary>Every published lesson's quiz questions, kept per node until published content changes, or for a few minutes.</summary>
public sealed class QuestionBank
{
    private readonly RebuildableCache<IReadOnlyList<(string Id, QuizQuestion Question)>> _cache;

    public QuestionBank(IServiceProvider services, TimeProvider clock, CacheSignals signals) => _cache = new(async () =>
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(services);
        var content = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IContentManager>(scope.ServiceProvider);
        var lessons = await content.QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 2000, IncludeTotal = false, OrderBy = ContentOrder.PublishedDescending });
        return lessons.Items
            .OrderBy(l => l.ContentItemId, StringComparer.Ordinal)
            .SelectMany(l => l.Part<QuizPart>().Questions.Select((q, n) => ($"{l.ContentItemId}:{n + 1}", q)))
            .Where(q => q.q.Options.Count > 1)
            .ToList();
    }, clock, TimeSpan.FromMinutes(5), signals, Content.Handlers.PublishedContentSignal.CacheName);

    public Task<IReadOnlyList<(string Id, QuizQuestion Question)>> GetAsync() => _cache.GetAsync();
}
