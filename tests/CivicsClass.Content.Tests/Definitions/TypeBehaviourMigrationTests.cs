using CivicsClass.Content.Definitions;
using CivicsClass.Content.Migrations;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Content.Tests.Definitions;

/// <summary>
/// A site set up before types carried their behaviour gets it written into its stored definitions
/// once: lessons are written by authors and studied, topics curated, events and venues take check-ins.
/// </summary>
public abstract class TypeBehaviourMigrationTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task StoredDefinitionsWithoutSettings_GetTheBehaviourTheirTypeHadInCode_AndOtherTypesKeepTheDefaults()
    {
        await using var site = await TestSite.CreateAsync(new TProvider());
        await using (var scope = site.CreateScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            foreach (var name in new[] { "Lesson", "Topic", "Event", "Venue", "Notice" })
            {
                await session.SaveAsync(new ContentTypeDefinition { Name = name, DisplayName = name });
            }

            await session.SaveChangesAsync();
        }

        await using (var scope = site.CreateScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            var (connection, transaction) = await session.BeginWriteAsync();
            await TypeBehaviourSettings.ApplyAsync(new MigrationContext(connection, transaction, session.Dialect));
            await session.SaveChangesAsync();
        }

        await using var read = site.CreateScope();
        var types = (await read.ServiceProvider.GetRequiredService<ISession>().GetAllAsync<ContentTypeDefinition>()).ToDictionary(t => t.Name);

        Assert.Equal((TypeAuthoring.Authors, true, CheckInKind.None), Behaviour(types["Lesson"]));
        Assert.Equal((TypeAuthoring.Curators, false, CheckInKind.None), Behaviour(types["Topic"]));
        Assert.Equal((TypeAuthoring.Editors, false, CheckInKind.AroundStart), Behaviour(types["Event"]));
        Assert.Equal((TypeAuthoring.Editors, false, CheckInKind.Anytime), Behaviour(types["Venue"]));
        Assert.Equal((TypeAuthoring.Editors, false, CheckInKind.None), Behaviour(types["Notice"]));
        Assert.Equal(2, types["Lesson"].Version); // written once, as a new version of the document
    }

    [SkippableFact]
    public async Task TheRecipe_GivesLessonsTopicsEventsAndVenuesTheirBehaviour_AndNothingElseAny()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        await using var scope = site.CreateScope();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>();

        var types = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name);

        Assert.Equal(["Lesson"], await definitions.StudiedTypesAsync());
        Assert.Equal((TypeAuthoring.Authors, true, CheckInKind.None), Behaviour(types["Lesson"]));
        Assert.Equal(TypeAuthoring.Curators, types["Topic"].Authoring);
        Assert.Equal(CheckInKind.AroundStart, types["Event"].CheckIn);
        Assert.Equal(CheckInKind.Anytime, types["Venue"].CheckIn);
        Assert.Equal((TypeAuthoring.Editors, false, CheckInKind.None), Behaviour(types["Course"]));
        Assert.Equal((TypeAuthoring.Editors, false, CheckInKind.None), Behaviour(types["Lecturer"]));
    }

    private static (TypeAuthoring, bool, CheckInKind) Behaviour(ContentTypeDefinition type) => (type.Authoring, type.Studied, type.CheckIn);
}

public sealed class SqliteTypeBehaviourMigrationTests : TypeBehaviourMigrationTests<Sqlite>;

public sealed class PostgresTypeBehaviourMigrationTests : TypeBehaviourMigrationTests<Postgres>;
