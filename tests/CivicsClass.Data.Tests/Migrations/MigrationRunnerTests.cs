using CivicsClass.Data.Migrations;
using CivicsClass.Data.Tests.Documents;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Data.Tests.Migrations;

public abstract class MigrationRunnerTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Run_Twice_AppliesEachStepOnce()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        var runner = site.Services.GetRequiredService<MigrationRunner>();

        var second = await runner.RunAsync();
        var applied = await runner.AppliedAsync();

        Assert.Equal(0, second);
        Assert.Equal(2, applied["Notes"]);
        Assert.Equal(2, applied["Data"]);
    }

    [SkippableFact]
    public async Task Run_Concurrently_AppliesEachStepOnce()
    {
        await using var database = await new TProvider().CreateAsync();
        var services = new ServiceCollection().AddLogging().AddData(database.Options.Settings(), database.Directory);
        services.AddSingleton<IDataMigration, NoteMigrations>();
        await using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<MigrationRunner>();

        var counts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => runner.RunAsync())));

        Assert.Equal(4, counts.Sum()); // Data's two steps and the notes' two
        Assert.Equal(2, (await runner.AppliedAsync())["Notes"]);
    }

    [SkippableFact]
    public async Task Run_FailingStep_RollsBackAndReportsIt()
    {
        await using var database = await new TProvider().CreateAsync();
        var services = new ServiceCollection().AddLogging().AddData(database.Options.Settings(), database.Directory);
        services.AddSingleton<IDataMigration>(new BrokenMigration());
        await using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<MigrationRunner>();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => runner.RunAsync());

        Assert.Empty(await runner.AppliedAsync());
    }

    private sealed class BrokenMigration : IDataMigration
    {
        public string Module => "Broken";

        public IReadOnlyList<MigrationStep> Steps { get; } =
        [
            new(1, c => c.ExecuteAsync("CREATE TABLE broken_ok (id INTEGER)")),
            new(2, c => c.ExecuteAsync("CREATE TABLE broken_bad (id NO_SUCH_TYPE ((")),
        ];
    }
}

public sealed class SqliteMigrationRunnerTests : MigrationRunnerTests<Sqlite>;

public sealed class PostgresMigrationRunnerTests : MigrationRunnerTests<Postgres>;
