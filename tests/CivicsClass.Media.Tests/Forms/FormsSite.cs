using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using CivicsClass.Media.Forms;
using CivicsClass.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Media.Tests.Forms;

/// <summary>The media module with its form jobs over a test database with the site's recipe, a clock the tests move and a chosen speech engine.</summary>
public sealed class FormsSite : IAsyncDisposable
{
    private string? _lecturerId;

    private FormsSite(TestSite site, ManualClock clock)
    {
        Site = site;
        Clock = clock;
    }

    public TestSite Site { get; }

    public ManualClock Clock { get; }

    internal FormWorker Worker => Site.Services.GetRequiredService<FormWorker>();

    internal FormJobStore Jobs => Site.Services.GetRequiredService<FormJobStore>();

    internal Storage.IMediaStore Store => Site.Services.GetRequiredService<Storage.IMediaStore>();

    public static async Task<FormsSite> CreateAsync(IDatabaseProvider provider, string? speechCommand = null, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var clock = new ManualClock();
        var site = await TestSite.CreateAsync(provider, services =>
        {
            var settings = new Dictionary<string, string?> { ["Forms:ClaimSeconds"] = "120" };
            if (speechCommand is not null)
            {
                settings["Narration:SpeechCommand"] = speechCommand;
            }

            foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddSingleton<TimeProvider>(clock);
            services.AddMedia(configuration);
        });
        await using (var scope = site.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
        }

        return new FormsSite(site, clock);
    }

    /// <summary>Creates and publishes a lesson; returns its id.</summary>
    public async Task<string> PublishLessonAsync(string title, string summary, string markdown)
    {
        await using var scope = Site.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lesson = await content.NewAsync("Lesson");
        lesson.DisplayText = title;
        lesson.Apply(new TitlePart { Title = title });
        lesson.Apply(new SummaryPart { Summary = summary });
        lesson.Apply(new MarkdownBodyPart { Markdown = markdown });
        lesson.Apply(new AutoroutePart { Path = "lessons/l-" + Guid.NewGuid().ToString("N")[..12] });
        lesson.SetField("Lecturer", new ContentPickerField { ContentItemIds = [await LecturerAsync()] });
        lesson.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", "劳模精神")] });
        lesson.SetField("Format", new TextField { Text = "图文" });
        lesson.SetField("Duration", new NumericField { Value = 5 });
        await content.CreateAsync(lesson, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return lesson.ContentItemId;
    }

    private async Task<string> LecturerAsync()
    {
        if (_lecturerId is not null)
        {
            return _lecturerId;
        }

        await using var scope = Site.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lecturer = await content.NewAsync("Lecturer");
        lecturer.Apply(new TitlePart { Title = "示例讲师" });
        lecturer.Apply(new AutoroutePart { Path = "lecturers/l-" + Guid.NewGuid().ToString("N")[..12] });
        lecturer.SetField("Category", new TaxonomyField { TermIds = [TaxonomyService.TermId("LecturerCategory", "劳动模范")] });
        await content.CreateAsync(lecturer, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return _lecturerId = lecturer.ContentItemId;
    }

    /// <summary>Saves a new version changed by <paramref name="change"/> and publishes it.</summary>
    public async Task EditAndPublishAsync(string id, Action<ContentItem> change)
    {
        await using var scope = Site.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var latest = (await content.GetAsync(id, VersionOptions.Latest))!;
        change(latest);
        await content.PublishAsync(await content.UpdateAsync(latest));
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="action"/> with a content manager in a unit of work of its own, and commits.</summary>
    public async Task WithContentAsync(Func<IContentManager, Task> action)
    {
        await using var scope = Site.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<IContentManager>());
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
    }

    public Task<LessonForm> NarrationAsync(string id) => FormAsync(id, FormKinds.Narration);

    public async Task<LessonForm> FormAsync(string id, string kind)
    {
        await using var scope = Site.CreateScope();
        var item = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id))!;
        return (await scope.ServiceProvider.GetRequiredService<LessonForms>().ListAsync(item)).Single(f => f.Kind == kind);
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
