using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Benchmarks.Contests;

/// <summary>The benchmark's contest (200 questions of its own, ten a round) and a national tree of organisations with members and entrants.</summary>
internal static class ContestSeed
{
    public static async Task<string> ContestAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var now = DateTime.UtcNow;
        var contest = await content.NewAsync("Contest");
        contest.Apply(new TitlePart { Title = "压测竞赛" });
        contest.Apply(new AutoroutePart { Path = "contests/bench" });
        contest.Apply(new QuizPart
        {
            Questions = Enumerable.Range(1, 200).Select(n => new QuizQuestion { Question = $"第{n}题", Options = ["甲", "乙", "丙", "丁"], Answer = n % 4 }).ToList(),
        });
        contest.SetField("StartsAt", new DateTimeField { Value = now.AddDays(-1) });
        contest.SetField("EndsAt", new DateTimeField { Value = now.AddDays(30) });
        contest.SetField("QuestionsPerRound", new NumericField { Value = 10 });
        contest.SetField("RoundSeconds", new NumericField { Value = 600 });
        contest.SetField("AttemptsPerDay", new NumericField { Value = 3 });
        contest.SetField("PassMark", new NumericField { Value = 6 });
        var created = await content.CreateAsync(contest, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return created.ContentItemId;
    }

    /// <summary>31 provinces, 18 cities each, and grassroots unions under the cities up to about <paramref name="target"/> organisations; 20 members per union.</summary>
    public static async Task<(int Organisations, long Members, long Entrants)> OrganisationsAsync(IServiceProvider services, string contestId, int target)
    {
        const int provinces = 31, cities = 18, membersEach = 20;
        var unionsPerCity = Math.Max(1, (int)Math.Ceiling((target - provinces - provinces * cities) / (double)(provinces * cities)));
        var grassroots = new List<string>();
        var roots = Enumerable.Range(0, provinces).Select(p => new TaxonomyTerm
        {
            Id = $"p{p}", Name = $"省总工会{p}",
            Children = Enumerable.Range(0, cities).Select(c => new TaxonomyTerm
            {
                Id = $"p{p}c{c}", Name = $"市总工会{p}-{c}",
                Children = Enumerable.Range(0, unionsPerCity).Select(u =>
                {
                    grassroots.Add($"p{p}c{c}u{u}");
                    return new TaxonomyTerm { Id = $"p{p}c{c}u{u}", Name = $"企业工会{p}-{c}-{u}" };
                }).ToList(),
            }).ToList(),
        }).ToList();

        await using (var scope = services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var taxonomy = (await scope.ServiceProvider.GetRequiredService<TaxonomyService>().GetTaxonomyAsync("Organisation", session))!;
            taxonomy.Apply(new TaxonomyPart { Terms = roots });
            await content.PublishAsync(await content.UpdateAsync(taxonomy));
            await session.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var (connection, transaction) = await session.BeginWriteAsync();
            await connection.ExecuteAsync("CREATE TABLE bench_org (n INTEGER NOT NULL, id TEXT NOT NULL)", transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO bench_org (n, id) VALUES (@n, @id)", grassroots.Select((id, n) => new { n = n + 1, id }), transaction);
            await connection.ExecuteAsync($"""
                INSERT INTO learner (user_id, display_name, organisation_id, region_id)
                WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < {membersEach - 1})
                SELECT 100000 + b.n * {membersEach} + s.k, '职工', b.id, NULL FROM bench_org b CROSS JOIN s
                """, transaction: transaction);
            await connection.ExecuteAsync($"""
                INSERT INTO contest_entrant (contest_id, user_id, organisation_id, region_id, rounds, days, best_correct, best_ratio, lit)
                SELECT @contestId, user_id, organisation_id, NULL, 1 + user_id % 3, 1 + user_id % 5, user_id % 11, (user_id % 11) / 10.0, 0
                FROM learner WHERE user_id >= 100000 AND user_id % 2 = 0
                """, new { contestId }, transaction);
            await session.SaveChangesAsync();
        }

        var organisations = provinces + provinces * cities + grassroots.Count;
        return (organisations, grassroots.Count * (long)membersEach, grassroots.Count * (long)membersEach / 2);
    }
}
