using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using CivicsClass.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Content.Tests;

/// <summary>A test site with the real recipe applied, and helpers that make the items a test needs.</summary>
internal static class ContentSite
{
    public static async Task<TestSite> CreateAsync(IDatabaseProvider provider)
    {
        var site = await TestSite.CreateAsync(provider);
        await using var scope = site.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(RepositoryPaths.Recipe);
        return site;
    }

    public static string Term(string taxonomy, string name) => TaxonomyService.TermId(taxonomy, name);

    public static async Task<ContentItem> CreateLecturerAsync(TestSite site, string slug, string name = "示例讲师")
    {
        await using var scope = site.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await manager.NewAsync("Lecturer");
        item.Apply(new TitlePart { Title = name });
        item.Apply(new AutoroutePart { Path = "lecturers/" + slug });
        item.SetField("Category", new TaxonomyField { TermIds = [Term("LecturerCategory", "劳动模范")] });
        await manager.CreateAsync(item, publish: true);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return item;
    }

    public static async Task<ContentItem> NewLessonAsync(IContentManager manager, string title, string slug, string lecturerId, params string[] themes)
    {
        var item = await manager.NewAsync("Lesson");
        item.Apply(new TitlePart { Title = title });
        item.Apply(new AutoroutePart { Path = "lessons/" + slug });
        item.Apply(new MarkdownBodyPart { Markdown = "## 导语\n\n正文。" });
        item.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturerId] });
        item.SetField("Themes", new TaxonomyField { TermIds = (themes.Length == 0 ? ["劳模精神"] : themes).Select(t => Term("Theme", t)).ToList() });
        item.SetField("Format", new TextField { Text = "图文" });
        item.SetField("Duration", new NumericField { Value = 8 });
        return item;
    }

    public static async Task<ContentItem> CreateLessonAsync(TestSite site, string title, string slug, string lecturerId, bool publish = true, params string[] themes)
    {
        await using var scope = site.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = await NewLessonAsync(manager, title, slug, lecturerId, themes);
        await manager.CreateAsync(item, publish);
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return item;
    }

    /// <summary>Runs <paramref name="action"/> with a content manager in a fresh unit of work and commits.</summary>
    public static async Task<T> WithManagerAsync<T>(TestSite site, Func<IContentManager, Task<T>> action)
    {
        await using var scope = site.CreateScope();
        var result = await action(scope.ServiceProvider.GetRequiredService<IContentManager>());
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
        return result;
    }
}
