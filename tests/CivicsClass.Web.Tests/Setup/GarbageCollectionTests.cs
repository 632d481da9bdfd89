using System.Text.Json;
using CivicsClass.Testing;
using CivicsClass.Web.Tests.Operations;
using Xunit;

namespace CivicsClass.Web.Tests.Setup;

/// <summary>
/// The site collects garbage with the workstation GC, concurrently, conserving memory (docs/decisions/0013): serving
/// 100 000 documents it held less memory than under server GC, without losing throughput on two cores, and rebuilding
/// them it stayed under 300 MB.
/// </summary>
public sealed class GarbageCollectionTests
{
    [Fact]
    public void Site_IsBuiltForWorkstationConcurrentGc()
    {
        var path = Path.ChangeExtension(typeof(Program).Assembly.Location, ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean(), $"{path} asks for server GC");
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean(), $"{path} turns background collections off");
        Assert.Equal(7, properties.GetProperty("System.GC.ConserveMemory").GetInt32());
    }

    [SkippableFact]
    public async Task RunningSite_HasNoServerGcThreads()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "thread names are read from /proc");
        await using var database = await new Sqlite().CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Setup__Recipe"] = RepositoryPaths.Recipe,
            ["Setup__ImportSeeds"] = "false",
            ["Setup__AdminPassword"] = SiteFactory.AdminPassword,
        };
        using var site = await SiteProcess.StartAsync(database, settings);

        var threads = Directory.GetDirectories($"/proc/{site.Process.Id}/task")
            .Select(Name).ToList();

        // Under server GC the runtime starts one ".NET Server GC" thread per heap as it starts.
        Assert.Contains(threads, name => name.StartsWith(".NET", StringComparison.Ordinal));
        Assert.DoesNotContain(threads, name => name.Contains("Server GC", StringComparison.Ordinal));
    }

    private static string Name(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm")).Trim();
        }
        catch (IOException)
        {
            return ""; // the thread ended meanwhile
        }
    }
}
