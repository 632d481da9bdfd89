using System.Diagnostics;
using System.Globalization;
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
using CivicsClass.Media.Narration;
using CivicsClass.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Benchmarks.Narration;

/// <summary>
/// Publish → narration ready for a lesson of about 1 000 characters, through the real job queue and worker,
/// beside the ceiling of one espeak-ng run over the same text and one lame run (what the job can never beat:
/// it speaks sentence by sentence to learn their timings); and the narration's bytes per minute of speech,
/// beside Opus at 16 kbit/s from the same audio.
/// </summary>
internal static class NarrationBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        if (!File.Exists("/usr/bin/espeak-ng") || !File.Exists("/usr/bin/lame"))
        {
            Console.Error.WriteLine("espeak-ng and lame are needed: apt-get install espeak-ng lame (opus-tools for the Opus comparison)");
            return 1;
        }

        var directory = Path.Combine(Path.GetTempPath(), "civicsclass-bench", Guid.NewGuid().ToString("N"));
        var database = new DatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(directory, "App_Data", "bench.db")}" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Forms:PollSeconds"] = "0.05" }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddData(database.Settings(), directory).AddContent().AddLearning(configuration).AddMedia(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MigrationRunner>().RunAsync();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
        }

        var worker = provider.GetRequiredService<FormWorker>();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var body = LessonBody();
            Console.WriteLine($"narration benchmark: a lesson of {body.Length} characters of Markdown (title and summary besides), espeak-ng cmn, MP3 24 kbit/s mono");
            var runs = new List<(double Seconds, LessonForm Form)>();
            for (var run = 0; run < 3; run++)
            {
                runs.Add(await PublishAndWaitAsync(provider, body + $"\n\n这是第{run + 1}次发布。"));
            }

            var (seconds, form) = runs.OrderBy(r => r.Seconds).ElementAt(1);
            var ceiling = await CeilingAsync(directory, form);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  publish → narration ready: {seconds:F2} s (median of 3; {form.Sentences!.Count} sentences, {form.DurationSeconds:F0} s of speech)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ceiling, one espeak-ng run over the whole text + lame: {ceiling.Seconds:F2} s   ratio {ceiling.Seconds / seconds:P0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  job steps: {form.Timings}"));
            var perMinute = form.SizeBytes!.Value / (form.DurationSeconds!.Value / 60) / 1024;
            var opus = ceiling.OpusPerMinute is { } o ? string.Create(CultureInfo.InvariantCulture, $"   (Opus 16 kbit/s of the same audio: {o:F0} KB per minute)") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  narration MP3: {form.SizeBytes / 1024.0:F0} KB for {form.DurationSeconds:F0} s = {perMinute:F0} KB per minute of speech") + opus);
            Console.WriteLine($"  this process: {Measure.PeakMemory()}");
            return 0;
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Publishes a lesson and waits until its narration is ready, as a worker would see it on the lesson page.</summary>
    private static async Task<(double Seconds, LessonForm Form)> PublishAndWaitAsync(IServiceProvider provider, string markdown)
    {
        string id;
        var clock = Stopwatch.StartNew();
        await using (var scope = provider.CreateAsyncScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var lecturer = await content.NewAsync("Lecturer");
            lecturer.Apply(new TitlePart { Title = "示例讲师" });
            lecturer.Apply(new AutoroutePart { Path = "lecturers/b-" + Guid.NewGuid().ToString("N")[..10] });
            lecturer.SetField("Category", new TaxonomyField { TermIds = [TaxonomyService.TermId("LecturerCategory", "劳动模范")] });
            await content.CreateAsync(lecturer, publish: true);
            var lesson = await content.NewAsync("Lesson");
            lesson.Apply(new TitlePart { Title = "安源路矿工人大罢工" });
            lesson.Apply(new SummaryPart { Summary = "1922年9月，安源路矿工人在党的领导下举行大罢工，五天取得胜利。" });
            lesson.Apply(new MarkdownBodyPart { Markdown = markdown });
            lesson.Apply(new AutoroutePart { Path = "lessons/b-" + Guid.NewGuid().ToString("N")[..10] });
            lesson.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturer.ContentItemId] });
            lesson.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", "工运历史")] });
            lesson.SetField("Format", new TextField { Text = "图文" });
            lesson.SetField("Duration", new NumericField { Value = 5 });
            clock.Restart();
            await content.CreateAsync(lesson, publish: true);
            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
            id = lesson.ContentItemId;
        }

        while (true)
        {
            await using var scope = provider.CreateAsyncScope();
            var item = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id))!;
            var form = (await scope.ServiceProvider.GetRequiredService<LessonForms>().ListAsync(item)).Single(f => f.Kind == FormKinds.Narration);
            if (form.State == FormState.Ready)
            {
                return (clock.Elapsed.TotalSeconds, form);
            }

            if (form.State is FormState.Failed or FormState.Unavailable)
            {
                throw new InvalidOperationException($"The narration was not made: {form.Error}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The same sentences spoken by one espeak-ng process and encoded by one lame process; and Opus from the same audio.</summary>
    private static async Task<(double Seconds, double? OpusPerMinute)> CeilingAsync(string directory, LessonForm form)
    {
        var text = Path.Combine(directory, "all.txt");
        var wav = Path.Combine(directory, "all.wav");
        await File.WriteAllLinesAsync(text, form.Sentences!.Select(s => ChineseNumbers.Read(s.Text)));
        var clock = Stopwatch.StartNew();
        await RunAsync("espeak-ng", "-v", "cmn", "-s", "165", "-w", wav, "-f", text);
        await RunAsync("lame", "--quiet", "-m", "m", "-b", "24", "--resample", "16", wav, Path.Combine(directory, "all.mp3"));
        var seconds = clock.Elapsed.TotalSeconds;
        double? opus = null;
        if (File.Exists("/usr/bin/opusenc"))
        {
            var file = Path.Combine(directory, "all.opus");
            await RunAsync("opusenc", "--quiet", "--bitrate", "16", "--speech", wav, file);
            var speech = (new FileInfo(wav).Length - 44) / (22050.0 * 2);
            opus = new FileInfo(file).Length / (speech / 60) / 1024;
        }

        return (seconds, opus);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }

    /// <summary>About 1 000 characters of a seeded lesson's body, cut at a paragraph.</summary>
    internal static string LessonBody()
    {
        var file = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "lessons", "anyuan-great-strike-1922.md"));
        var body = file[(file.IndexOf("\n---", 4, StringComparison.Ordinal) + 4)..].Trim();
        var paragraphs = body.Split("\n\n");
        var taken = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            taken.Add(paragraph);
            if (taken.Sum(p => p.Length) >= 950)
            {
                break;
            }
        }

        return string.Join("\n\n", taken);
    }
}
