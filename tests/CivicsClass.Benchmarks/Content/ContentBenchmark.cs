using CivicsClass.Content;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Learning;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CivicsClass.Benchmarks.Content;

/// <summary>
/// Content items created per second (one unit of work per published lesson, as an editor saves)
/// and published-item queries per second (a catalogue page filtered by theme, and a lesson by its
/// path), on a site of N lessons. The ceiling for each is plain Dapper doing the same writes and
/// reads on a bare table in the same database, so the ratio shows what the engine costs.
/// </summary>
internal static class ContentBenchmark
{
    private static readonly string[] s_themes = ["劳模精神", "工匠精神", "劳动精神", "工运历史", "法律与维权", "共同富裕"];

    public static async Task RunAsync(BenchmarkOptions options)
    {
        Console.WriteLine($"content benchmark: {options.Items:N0} lessons, {options.Queries:N0} queries per kind");
        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        await RunOnAsync(new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "bench.db")}" }, directory, options);
        if (!options.SqliteOnly && options.Postgres is not null)
        {
            var name = "civics_bench_" + Guid.NewGuid().ToString("N")[..8];
            await using (var admin = new NpgsqlConnection(options.Postgres))
            {
                await admin.ExecuteAsync($"CREATE DATABASE {name}");
            }

            try
            {
                var connectionString = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name }.ConnectionString;
                await RunOnAsync(new DatabaseOptions { Provider = "Postgres", ConnectionString = connectionString }, directory, options);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(options.Postgres);
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }

        if (Environment.GetEnvironmentVariable("BENCH_KEEP") is null)
        {
            Directory.Delete(directory, recursive: true);
        }
        else
        {
            Console.WriteLine($"kept {directory}");
        }
        Console.WriteLine(Measure.PeakMemory());
    }

    private static async Task RunOnAsync(DatabaseOptions database, string directory, BenchmarkOptions options)
    {
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddData(database.Settings(), directory).AddContent().AddLearning(new ConfigurationBuilder().Build()).BuildServiceProvider();
        await using var _ = services;
        await services.GetRequiredService<MigrationRunner>().RunAsync();
        var recipe = Path.Combine(FindRoot(), "content-recipes", "civics-class.recipe.json");
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(recipe);
        }

        var lecturerId = await CreateLecturerAsync(services);
        var store = services.GetRequiredService<IDocumentStore>();
        await CreateCeilingTableAsync(store);
        var json = await SampleJsonAsync(services, lecturerId);

        Console.WriteLine($"[{database.Provider}]");
        var ceilingWrites = await Measure.RepeatAsync(options.Items, i => CeilingInsertAsync(store, i, json));
        var creates = await Measure.RepeatAsync(options.Items, i => CreateLessonAsync(services, i, lecturerId));
        Print("create published lesson", creates, "raw insert of the same JSON + index row", ceilingWrites);

        var random = new Random(42);
        var themeIds = s_themes.Select(t => TaxonomyService.TermId("Theme", t)).ToArray();
        var pages = Math.Max(1, options.Items / 6 / 12);
        var ceilingPage = await Measure.RepeatAsync(options.Queries, _ => CeilingPageAsync(store, random.Next(s_themes.Length), random.Next(pages)));
        var page = await Measure.RepeatAsync(options.Queries, _ => QueryPageAsync(services, themeIds[random.Next(themeIds.Length)], random.Next(pages)));
        Print("catalogue page (theme, 12 of N)", page, "raw indexed page query", ceilingPage);

        var ceilingPath = await Measure.RepeatAsync(options.Queries, _ => CeilingByPathAsync(store, random.Next(options.Items)));
        var path = await Measure.RepeatAsync(options.Queries, _ => GetByPathAsync(services, random.Next(options.Items)));
        Print("published lesson by path", path, "raw lookup by indexed path", ceilingPath);
        Console.WriteLine($"  {Measure.PeakMemory()}");
    }

    private static void Print(string what, Figures figures, string ceilingName, Figures ceiling) =>
        Console.WriteLine($"  {what,-34} {figures}   ceiling ({ceilingName}) {ceiling}   ratio {figures.PerSecond / ceiling.PerSecond:P0}");

    private static async Task CreateLessonAsync(ServiceProvider services, int i, string lecturerId)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lesson = await NewLessonAsync(manager, i, lecturerId);
        await manager.CreateAsync(lesson, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
    }

    private static async Task<ContentItem> NewLessonAsync(IContentManager manager, int i, string lecturerId)
    {
        var lesson = await manager.NewAsync("Lesson");
        lesson.Apply(new TitlePart { Title = $"第{i}课：{s_themes[i % s_themes.Length]}的时代内涵" });
        lesson.Apply(new AutoroutePart { Path = $"lessons/bench-{i}" });
        lesson.Apply(new SummaryPart { Summary = "劳模精神、劳动精神、工匠精神是以爱国主义为核心的民族精神和以改革创新为核心的时代精神的生动体现。" });
        lesson.Apply(new MarkdownBodyPart { Markdown = string.Concat(Enumerable.Repeat("## 学习要点\n\n爱岗敬业、争创一流，艰苦奋斗、勇于创新，淡泊名利、甘于奉献。\n\n", 12)) });
        lesson.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturerId] });
        lesson.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", s_themes[i % s_themes.Length])] });
        lesson.SetField("Format", new TextField { Text = "图文" });
        lesson.SetField("Duration", new NumericField { Value = 5 + i % 10 });
        return lesson;
    }

    private static async Task QueryPageAsync(ServiceProvider services, string themeId, int page)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery
        {
            ContentType = "Lesson",
            TermIds = [themeId],
            Skip = page * 12,
            Take = 12,
        });
        if (result.Items.Count == 0)
        {
            throw new InvalidOperationException("A catalogue page came back empty.");
        }
    }

    private static async Task GetByPathAsync(ServiceProvider services, int i)
    {
        await using var scope = services.CreateAsyncScope();
        _ = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync($"lessons/bench-{i}")
            ?? throw new InvalidOperationException($"Lesson {i} is missing.");
    }

    private static async Task<string> CreateLecturerAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lecturer = await manager.NewAsync("Lecturer");
        lecturer.Apply(new TitlePart { Title = "示例讲师" });
        lecturer.Apply(new AutoroutePart { Path = "lecturers/bench" });
        lecturer.SetField("Category", new TaxonomyField { TermIds = [TaxonomyService.TermId("LecturerCategory", "劳动模范")] });
        await manager.CreateAsync(lecturer, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return lecturer.ContentItemId;
    }

    private static async Task<string> SampleJsonAsync(ServiceProvider services, string lecturerId)
    {
        await using var scope = services.CreateAsyncScope();
        var lesson = await NewLessonAsync(scope.ServiceProvider.GetRequiredService<IContentManager>(), 0, lecturerId);
        return System.Text.Json.JsonSerializer.Serialize(lesson, DocumentJson.Options);
    }

    private static async Task CreateCeilingTableAsync(IDocumentStore store)
    {
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync();
        var d = session.Dialect;
        await connection.ExecuteAsync($"""
            CREATE TABLE bench_doc (id {d.IdentityColumn}, content {d.Text} NOT NULL, path {d.Text} NOT NULL, theme {d.Int} NOT NULL, published_utc {d.Timestamp} NOT NULL);
            CREATE INDEX ix_bench_path ON bench_doc (path);
            CREATE INDEX ix_bench_theme ON bench_doc (theme, published_utc);
            """, transaction: transaction);
        await session.SaveChangesAsync();
    }

    private static async Task CeilingInsertAsync(IDocumentStore store, int i, string json)
    {
        const string sql = "INSERT INTO bench_doc (content, path, theme, published_utc) VALUES (@json, @path, @theme, @now)";
        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync(sql, new { json, path = $"lessons/bench-{i}", theme = i % s_themes.Length, now = DateTime.UtcNow }, transaction);
        await session.SaveChangesAsync();
    }

    private static async Task CeilingPageAsync(IDocumentStore store, int theme, int page)
    {
        const string sql = "SELECT content FROM bench_doc WHERE theme = @theme ORDER BY published_utc DESC LIMIT 12 OFFSET @skip";
        await using var session = store.CreateSession();
        var (connection, _) = await session.GetConnectionAsync();
        var rows = (await connection.QueryAsync<string>(sql, new { theme, skip = page * 12 })).ToList();
        _ = rows.Select(r => System.Text.Json.JsonDocument.Parse(r)).Count();
    }

    private static async Task CeilingByPathAsync(IDocumentStore store, int i)
    {
        const string sql = "SELECT content FROM bench_doc WHERE path = @path LIMIT 1";
        await using var session = store.CreateSession();
        var (connection, _) = await session.GetConnectionAsync();
        using var document = System.Text.Json.JsonDocument.Parse(await connection.QuerySingleAsync<string>(sql, new { path = $"lessons/bench-{i}" }));
    }

    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CivicsClass.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CivicsClass.sln not found.");
    }
}
