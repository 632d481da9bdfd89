using System.Net;
using CivicsClass.Data.Documents;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Operations.Tests.MigrateToPostgres;

/// <summary><c>migrate-to-postgres</c>: a union's embedded site moved onto PostgreSQL as it grows.</summary>
public sealed class MigrateToPostgresTests
{
    [SkippableFact]
    public async Task Migrate_SeededSqliteSite_PreservesEveryItemVersionUserAndLedgerEntry()
    {
        await using var target = await new Postgres().CreateAsync();
        await using var source = await new Sqlite().CreateAsync();
        await OperatedSite.FillAsync(source);
        var before = await SiteSnapshot.ReadAsync(source);

        var migrated = await OperatedSite.RunAsync(source, "migrate-to-postgres", target.Options.ConnectionString!);
        var again = await OperatedSite.RunAsync(source, "migrate-to-postgres", target.Options.ConnectionString!);
        var after = await SiteSnapshot.ReadAsync(target.Options, source.Directory);

        Assert.True(migrated.ExitCode == 0, migrated.Output);
        Assert.Contains("Search index rebuilt: 67 items.", migrated.Output);
        Assert.Contains("Database:Provider = Postgres", migrated.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("目标 PostgreSQL 数据库不是空的", again.Output);
        SiteSnapshot.AssertSame(before with { Ledger = ToMicroseconds(before.Ledger) }, after with { Ledger = ToMicroseconds(after.Ledger) });
        Assert.Equal(3, after.Ledger.Count);
    }

    [SkippableFact]
    public async Task Migrate_ThenStartOnPostgres_ServesLessonsAndMediaAndTakesNewRows()
    {
        await using var target = await new Postgres().CreateAsync();
        await using var source = await new Sqlite().CreateAsync();
        await OperatedSite.FillAsync(source);
        var media = await SiteSnapshot.ReadAsync(source);
        Assert.Equal(0, (await OperatedSite.RunAsync(source, "migrate-to-postgres", target.Options.ConnectionString!)).ExitCode);

        // The same folder (and so the same media) with the database switched, as the operator is told to do.
        await using var site = OperatedSite.Start(new TestDatabase(target.Options, source.Directory, () => Task.CompletedTask), seeds: true);
        var client = site.CreateClient();
        var lesson = await client.GetAsync("/lessons/anyuan-great-strike-1922");
        var search = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("安源"));
        var key = media.Media.Keys.Single(k => k.EndsWith(".png", StringComparison.Ordinal));
        var png = await client.GetByteArrayAsync("/media/" + key);

        Assert.Equal(HttpStatusCode.OK, lesson.StatusCode);
        Assert.Contains("安源路矿工人大罢工", await lesson.Content.ReadAsStringAsync());
        Assert.Contains("/lessons/anyuan-great-strike-1922", search);
        Assert.Equal(OperatedSite.Png, png);
        await AssertNewRowsGetNewIdsAsync(site);
    }

    private static async Task AssertNewRowsGetNewIdsAsync(SiteFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var (connection, transaction) = await session.BeginWriteAsync();
        var highest = await connection.ExecuteScalarAsync<long>("SELECT MAX(id) FROM document", transaction: transaction);
        var inserted = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO document (type, content, version) VALUES ('Test', '{}', 1) RETURNING id", transaction: transaction);
        Assert.True(inserted > highest, $"new id {inserted} after {highest}");
    }

    private static List<SiteSnapshot.Entry> ToMicroseconds(IEnumerable<SiteSnapshot.Entry> entries) =>
        // PostgreSQL keeps instants to the microsecond; .NET and SQLite's text to a tenth of one.
        entries.Select(e => e with { CreatedUtc = new DateTime(e.CreatedUtc.Ticks / 10 * 10) }).ToList();
}
