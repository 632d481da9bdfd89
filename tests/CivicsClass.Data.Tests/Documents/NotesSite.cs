using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Data.Tests.Documents;

internal static class NotesSite
{
    public static Task<TestSite> CreateAsync(IDatabaseProvider provider) => TestSite.CreateAsync(provider, services =>
    {
        services.AddSingleton<IDataMigration, NoteMigrations>();
        services.AddSingleton<IIndexProvider, NoteIndexProvider>();
        services.AddSingleton<IIndexProvider, NoteTagIndexProvider>();
    });
}
