using CivicsClass.Data;

namespace CivicsClass.Testing;

/// <summary>A throw-away database of one dialect, removed when disposed.</summary>
public sealed class TestDatabase(DatabaseOptions options, string directory, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseOptions Options { get; } = options;

    /// <summary>A private folder for the test (App_Data, media).</summary>
    public string Directory { get; } = directory;

    public async ValueTask DisposeAsync()
    {
        await drop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>Makes test databases of one dialect; test classes take it as a type parameter.</summary>
public interface IDatabaseProvider
{
    string Name { get; }

    Task<TestDatabase> CreateAsync();
}

public sealed class Sqlite : IDatabaseProvider
{
    public string Name => "sqlite";

    public Task<TestDatabase> CreateAsync()
    {
        var directory = TempDirectory.Create();
        var options = new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "App_Data", "test.db")}" };
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.FromResult(new TestDatabase(options, directory, () => Task.CompletedTask));
    }
}

public static class TempDirectory
{
    public static string Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
