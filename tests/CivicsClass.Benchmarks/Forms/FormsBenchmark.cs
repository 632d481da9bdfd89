using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CivicsClass.Benchmarks.Generated;
using CivicsClass.Benchmarks.Narration;
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
using CivicsClass.Media;
using CivicsClass.Media.Forms;
using CivicsClass.Media.Generated;
using CivicsClass.Media.MindMaps;
using CivicsClass.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Benchmarks.Forms;

/// <summary>
/// Publish → mind map ready for a lesson of about 1 000 characters through the real queue and worker, beside its
/// ceiling (reading the outline and drawing it, in process, with no queue or store); then every form the site
/// makes for the 30 seeded lessons — the queued ones (mind map, narration) through the worker, and the ones drawn
/// on request (cover, long image) — as forms per minute, with peak memory.
/// </summary>
internal static class FormsBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var provider = await SiteAsync(directory, runJobs: true))
            {
                await MindMapLatencyAsync(provider);
            }

            if (options.Part != "latency")
            {
                await using var provider = await SiteAsync(Path.Combine(directory, "all"), runJobs: false);
                await AllFormsAsync(provider);
            }

            Console.WriteLine($"  this process: {Measure.PeakMemory()}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task MindMapLatencyAsync(ServiceProvider provider)
    {
        var worker = provider.GetRequiredService<FormWorker>();
        await worker.StartAsync(CancellationToken.None);
        var body = NarrationBenchmark.LessonBody();
        foreach (var paragraph in GeneratedImagesBenchmark.SeedLessons()[1].Body.Split("\n\n").TakeWhile(_ => body.Length < 1000))
        {
            body += "\n\n" + paragraph.Trim();
        }

        var lecturer = await LecturerAsync(provider);
        var runs = new List<(double Seconds, LessonForm Form)>();
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var id = await PublishAsync(provider, lecturer, "安源路矿工人大罢工", "1922年9月，安源路矿工人举行大罢工。", body + $"\n\n## 第{run + 1}次发布");
            var form = await WaitAsync(provider, id, FormKinds.MindMap);
            runs.Add((clock.Elapsed.TotalSeconds, form));
            await WaitAsync(provider, id, FormKinds.Narration); // so the next publish finds the worker idle
        }

        await worker.StopAsync(CancellationToken.None);
        var (seconds, median) = runs.OrderBy(r => r.Seconds).ElementAt(2);
        var renderer = provider.GetRequiredService<MindMapRenderer>();
        var ceiling = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            renderer.Render(MindMapOutline.From("安源路矿工人大罢工", body + $"\n\n## 第{i + 1}次发布"), "中国工人大思政课 · 思维导图");
        }

        var drawMs = ceiling.Elapsed.TotalMilliseconds / 5;
        Console.WriteLine($"forms benchmark: a lesson of {body.Length} characters of Markdown, SQLite, the worker polling every 50 ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  publish → mind map ready: {seconds * 1000:F0} ms (median of 5; PNG {median.SizeBytes / 1024.0:F0} KB; job steps {median.Timings})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ceiling, outline + drawing in process: {drawMs:F0} ms   ratio {drawMs / (seconds * 1000):P0}"));
    }

    private static async Task AllFormsAsync(ServiceProvider provider)
    {
        var lessons = GeneratedImagesBenchmark.SeedLessons();
        var lecturer = await LecturerAsync(provider);
        var ids = new List<string>();
        foreach (var lesson in lessons)
        {
            ids.Add(await PublishAsync(provider, lecturer, lesson.Title, lesson.Summary, lesson.Body));
        }

        var clock = Stopwatch.StartNew();
        var made = await provider.GetRequiredService<FormWorker>().RunPendingAsync();
        var queued = clock.Elapsed;
        var byKind = new Dictionary<string, List<double>>();
        await using (var scope = provider.CreateAsyncScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var forms = scope.ServiceProvider.GetRequiredService<LessonForms>();
            foreach (var item in await content.GetManyAsync(ids))
            {
                foreach (var form in (await forms.ListAsync(item)).Where(f => f.State == FormState.Ready))
                {
                    var ms = JsonDocument.Parse(form.Timings!).RootElement.GetProperty("generateMs").GetDouble();
                    (byKind.TryGetValue(form.Kind, out var list) ? list : byKind[form.Kind] = []).Add(ms);
                }
            }
        }

        var fonts = provider.GetRequiredService<CjkFonts>();
        var covers = new CoverRenderer(fonts);
        var longImages = new LongImageRenderer(fonts);
        clock.Restart();
        foreach (var (lesson, i) in lessons.Select((l, i) => (l, i)))
        {
            var motif = Motifs.For(lesson.Theme, i);
            covers.Cover(new CoverSpec(lesson.Title, "课程 · " + lesson.Theme, motif, i, i));
            longImages.Render(new LongImageSpec(lesson.Title, lesson.Summary, "陈志远", "专家学者", KeyPoints.From(lesson.Body), lesson.Question, lesson.Options,
                "中国工人大思政课", "https://example.org/lessons/" + lesson.Slug, motif, i));
        }

        var drawn = clock.Elapsed;
        var total = made + 2 * lessons.Count;
        Console.WriteLine($"all forms of the {lessons.Count} seeded lessons, one node, one job at a time:");
        foreach (var (kind, times) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-10} {times.Count} made, {times.Sum() / 1000:F1} s making them, median {times[times.Count / 2]:F0} ms, {times.Count / (times.Sum() / 60_000):F0} per minute"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  queued forms: {made} jobs in {queued.TotalSeconds:F1} s = {made / queued.TotalMinutes:F0} per minute (claim, make, store, complete)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  drawn on request: {2 * lessons.Count} covers and long images in {drawn.TotalSeconds:F1} s = {2 * lessons.Count / drawn.TotalMinutes:F0} per minute"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  every form kind together: {total} forms in {(queued + drawn).TotalSeconds:F1} s = {total / (queued + drawn).TotalMinutes:F0} forms per minute"));
    }

    private static async Task<ServiceProvider> SiteAsync(string directory, bool runJobs)
    {
        var database = new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "App_Data", "bench.db")}" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forms:PollSeconds"] = "0.05", ["Forms:RunJobs"] = runJobs ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddData(database.Settings(), directory).AddContent().AddLearning(configuration).AddMedia(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().RunAsync();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
        return provider;
    }

    private static async Task<string> LecturerAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lecturer = await content.NewAsync("Lecturer");
        lecturer.Apply(new TitlePart { Title = "示例讲师" });
        lecturer.Apply(new AutoroutePart { Path = "lecturers/b-" + Guid.NewGuid().ToString("N")[..10] });
        lecturer.SetField("Category", new TaxonomyField { TermIds = [TaxonomyService.TermId("LecturerCategory", "劳动模范")] });
        await content.CreateAsync(lecturer, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return lecturer.ContentItemId;
    }

    private static async Task<string> PublishAsync(IServiceProvider provider, string lecturer, string title, string? summary, string markdown)
    {
        await using var scope = provider.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lesson = await content.NewAsync("Lesson");
        lesson.Apply(new TitlePart { Title = title });
        lesson.Apply(new SummaryPart { Summary = summary ?? "" });
        lesson.Apply(new MarkdownBodyPart { Markdown = markdown });
        lesson.Apply(new AutoroutePart { Path = "lessons/b-" + Guid.NewGuid().ToString("N")[..10] });
        lesson.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturer] });
        lesson.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", "工运历史")] });
        lesson.SetField("Format", new TextField { Text = "图文" });
        lesson.SetField("Duration", new NumericField { Value = 5 });
        await content.CreateAsync(lesson, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return lesson.ContentItemId;
    }

    private static async Task<LessonForm> WaitAsync(IServiceProvider provider, string id, string kind)
    {
        while (true)
        {
            await using var scope = provider.CreateAsyncScope();
            var item = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id))!;
            var form = (await scope.ServiceProvider.GetRequiredService<LessonForms>().ListAsync(item)).Single(f => f.Kind == kind);
            if (form.State == FormState.Ready)
            {
                return form;
            }

            if (form.State is FormState.Failed or FormState.Unavailable)
            {
                throw new InvalidOperationException($"The {kind} was not made: {form.Error}");
            }

            await Task.Delay(10);
        }
    }
}
