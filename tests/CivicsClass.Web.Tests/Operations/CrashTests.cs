using System.Data.Common;
using CivicsClass.Search.Engine;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>
/// A node killed with SIGKILL in the middle of its first start's seed import, then started again. On
/// PostgreSQL, where another process can watch the import's commits as they land; SQLite's writer
/// keeps a watching reader out until the import is over, so the kill could not be placed.
/// </summary>
public sealed class CrashTests
{
    private static readonly int s_seedLessons = Directory.GetFiles(Path.Combine(RepositoryPaths.Seeds, "lessons"), "*.md").Length;
    private static readonly int s_seeds = Directory.GetFiles(RepositoryPaths.Seeds, "*.md", SearchOption.AllDirectories).Length;

    [SkippableFact]
    public async Task KilledDuringSeedImport_RestartFinishesIt_NothingDuplicatedOrLost()
    {
        await using var database = await new Postgres().CreateAsync();
        var seedsAtKill = await StartAndKillMidImportAsync(database);

        int indexed, distinct;
        await using (var factory = OperatedSite.Start(database, seeds: true))
        {
            factory.CreateClient().Dispose(); // the second start finishes what the first began
            await factory.Services.GetRequiredService<SearchIndexer>().DrainAsync(TimeSpan.FromSeconds(60));
            (indexed, distinct) = SearchIndexProbe.Count(factory.Services.GetRequiredService<SearchIndex>());
        }

        await using var connection = await OpenAsync(database);
        Assert.InRange(seedsAtKill, 1, s_seeds - 1); // killed in the middle: some seeds in, not all
        Assert.Equal(s_seedLessons, await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(DISTINCT content_item_id) FROM content_item_index WHERE content_type = 'Lesson' AND published = TRUE"));
        Assert.Empty(await connection.QueryAsync<string>(
            "SELECT content_item_id FROM content_item_index WHERE latest = TRUE GROUP BY content_item_id HAVING COUNT(*) > 1"));
        Assert.Empty(await connection.QueryAsync<string>(
            "SELECT content_item_id FROM content_item_index WHERE published = TRUE GROUP BY content_item_id HAVING COUNT(*) > 1"));
        var published = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM content_item_index WHERE published = TRUE AND path <> ''");
        Assert.Equal(published, indexed);
        Assert.Equal(indexed, distinct);
    }

    /// <summary>Starts the site as its own process on an empty database and kills it as soon as the first seed is in; returns how many were.</summary>
    private static async Task<long> StartAndKillMidImportAsync(TestDatabase database)
    {
        var start = OperatedSite.Process(database, new Dictionary<string, string>
        {
            ["Setup__Recipe"] = RepositoryPaths.Recipe, ["Setup__Seeds"] = RepositoryPaths.Seeds, ["Setup__AdminPassword"] = SiteFactory.AdminPassword,
        }, "--urls", "http://127.0.0.1:0");
        await OperatedSite.KillWhenAsync(start, async () => await SeedsAsync(database) > 0);
        return await SeedsAsync(database);
    }

    /// <summary>Items imported from the seeds so far (the recipe's taxonomies are not seeds).</summary>
    private static async Task<long> SeedsAsync(TestDatabase database)
    {
        try
        {
            await using var connection = await OpenAsync(database);
            return await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT content_item_id) FROM content_item_index WHERE content_type <> 'Taxonomy'");
        }
        catch (DbException)
        {
            return 0; // the schema is not there yet
        }
    }

    private static async Task<DbConnection> OpenAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.Options.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
