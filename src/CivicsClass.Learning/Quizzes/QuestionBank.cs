using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Caching;
using CivicsClass.Content.Definitions;

namespace CivicsClass.Learning.Quizzes;

/// <summary>Every published lesson's quiz questions (items of the studied types), kept per node until published content changes, or for a few minutes.</summary>
public sealed class QuestionBank
{
    private readonly RebuildableCache<IReadOnlyList<(string Id, QuizQuestion Question)>> _cache;

    public QuestionBank(IServiceProvider services, TimeProvider clock, CacheSignals signals) => _cache = new(async () =>
    {
        await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(services);
        var content = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IContentManager>(scope.ServiceProvider);
        var studied = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ContentDefinitionManager>(scope.ServiceProvider).StudiedTypesAsync();
        if (studied.Count == 0)
        {
            return [];
        }

        var lessons = await content.QueryAsync(new ContentQuery { ContentTypes = studied, Take = 2000, IncludeTotal = false, OrderBy = ContentOrder.PublishedDescending });
        return lessons.Items
            .OrderBy(l => l.ContentItemId, StringComparer.Ordinal)
            .SelectMany(l => l.Part<QuizPart>().Questions.Select((q, n) => ($"{l.ContentItemId}:{n + 1}", q)))
            .Where(q => q.q.Options.Count > 1)
            .ToList();
    }, clock, TimeSpan.FromMinutes(5), signals, Content.Handlers.PublishedContentSignal.CacheName);

    public Task<IReadOnlyList<(string Id, QuizQuestion Question)>> GetAsync() => _cache.GetAsync();
}
