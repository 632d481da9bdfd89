using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Learning.Study;
using CivicsClass.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Contests.Tests;

/// <summary>Contests over a test database with the site's recipe applied and a clock the tests move; one per test class.</summary>
public sealed class ContestSite<TProvider> : IAsyncDisposable where TProvider : IDatabaseProvider, new()
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestSite? _site;

    public ManualClock Clock { get; } = new();

    public async Task<TestSite> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_site is null)
            {
                var configuration = new ConfigurationBuilder().Build();
                var site = await TestSite.CreateAsync(new TProvider(), services =>
                {
                    services.AddSingleton<IConfiguration>(configuration);
                    services.AddSingleton<TimeProvider>(Clock);
                    services.AddContests(configuration);
                });
                await using (var scope = site.CreateScope())
                {
                    await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
                }

                await site.Services.GetRequiredService<Data.Migrations.MigrationRunner>().RunAsync();
                _site = site;
            }

            return _site;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Records a learner as a member of the organisation of that name (or of none).</summary>
    public async Task LearnerAsync(long userId, string? organisation)
    {
        var site = await GetAsync();
        await using var scope = site.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>();
        var term = organisation is null ? null : await scope.ServiceProvider.GetRequiredService<TaxonomyService>().FindTermByNameAsync("Organisation", organisation, session);
        await Learners.SaveAsync(session, new Learner(userId, $"职工{userId}", term?.Id, null));
        await session.SaveChangesAsync();
    }

    /// <summary>
    /// Publishes a contest with <paramref name="questions"/> questions of its own (the right option is always
    /// the one numbered like the question modulo four, so tests can answer rightly) and <paramref name="venues"/> map points.
    /// </summary>
    public async Task<string> ContestAsync(int questions, int perRound, int seconds = 300, int attempts = 3, int passMark = 3, int venues = 3,
        IReadOnlyList<string>? organisations = null, bool liveFinal = false, int? completionScore = null)
    {
        var site = await GetAsync();
        await using var scope = site.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var venueIds = new List<string>();
        for (var i = 0; i < venues; i++)
        {
            var venue = await content.NewAsync("Venue");
            venue.Apply(new TitlePart { Title = $"场馆{Guid.NewGuid():N}"[..10] });
            venue.Apply(new AutoroutePart { Path = $"venues/v-{Guid.NewGuid():N}" });
            venue.Apply(new GeoPointPart { Latitude = 25 + i, Longitude = 110 + i });
            var kind = await scope.ServiceProvider.GetRequiredService<TaxonomyService>()
                .FindTermByNameAsync("VenueKind", "纪念馆", scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>());
            venue.SetField("Kind", new TaxonomyField { TermIds = [kind!.Id] });
            venueIds.Add((await content.CreateAsync(venue, publish: true)).ContentItemId);
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var contest = await content.NewAsync("Contest");
        contest.Apply(new TitlePart { Title = "测试竞赛" });
        contest.Apply(new AutoroutePart { Path = $"contests/c-{Guid.NewGuid():N}" });
        contest.Apply(new QuizPart
        {
            Questions = Enumerable.Range(1, questions).Select(n => new QuizQuestion
            {
                Question = $"第{n}题", Options = ["甲", "乙", "丙", "丁"], Answer = n % 4,
            }).ToList(),
        });
        contest.SetField("StartsAt", new DateTimeField { Value = StudyCalendar.StartUtc(StudyCalendar.Day(now)) });
        contest.SetField("EndsAt", new DateTimeField { Value = now.AddDays(60) });
        contest.SetField("QuestionsPerRound", new NumericField { Value = perRound });
        contest.SetField("RoundSeconds", new NumericField { Value = seconds });
        contest.SetField("AttemptsPerDay", new NumericField { Value = attempts });
        contest.SetField("PassMark", new NumericField { Value = passMark });
        contest.SetField("DaysPerPoint", new NumericField { Value = 1 });
        contest.SetField("MapVenues", new ContentPickerField { ContentItemIds = venueIds });
        contest.SetField("LiveFinal", new BooleanField { Value = liveFinal });
        if (completionScore is { } score)
        {
            contest.SetField("CompletionScore", new NumericField { Value = score });
        }

        if (organisations is not null)
        {
            var session = scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>();
            var ids = new List<string>();
            foreach (var name in organisations)
            {
                ids.Add((await scope.ServiceProvider.GetRequiredService<TaxonomyService>().FindTermByNameAsync("Organisation", name, session))!.Id);
            }

            contest.SetField("Organisations", new TaxonomyField { TermIds = ids });
        }

        var created = await content.CreateAsync(contest, publish: true);
        await scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>().SaveChangesAsync();
        return created.ContentItemId;
    }

    /// <summary>The id of the organisation of that name.</summary>
    public async Task<string> OrganisationAsync(string name)
    {
        var site = await GetAsync();
        await using var scope = site.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>();
        return (await scope.ServiceProvider.GetRequiredService<TaxonomyService>().FindTermByNameAsync("Organisation", name, session))!.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
