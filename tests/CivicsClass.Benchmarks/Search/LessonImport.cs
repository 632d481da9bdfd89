using CivicsClass.Benchmarks.Content;
using CivicsClass.Content;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Seeds;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data;
using CivicsClass.Data.Documents;
using CivicsClass.Search.Indexing;
using CivicsClass.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Benchmarks.Search;

/// <summary>
/// Publishes generated lessons into a stopped site's database through the content manager: the content module
/// composed over the same database, a unit of work per batch. The search module is left out, so no index task
/// is appended: the site rebuilds its index from the published content when it starts without one, the fastest
/// way to a site with this much content.
/// </summary>
internal static class LessonImport
{
    private static readonly string[] s_themes = ["党的创新理论", "工运历史", "劳模精神", "工匠精神", "劳动精神", "产业工人队伍建设改革", "新就业形态劳动者", "共同富裕", "法律与维权", "技能成才"];
    private static readonly string[] s_industries = ["制造业", "能源电力", "交通运输", "建筑业", "信息通信", "采矿业", "农林牧渔", "教育", "医疗卫生", "商贸服务", "快递物流", "金融"];
    private static readonly string[] s_regions = ["北京市", "天津市", "河北省", "山西省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "四川省"];

    public static async Task ImportAsync(DatabaseOptions database, string contentRoot, IEnumerable<CorpusDocument> documents, int batchSize, IProgress<int>? progress = null)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddData(database.Settings(), contentRoot)
            .AddContent()
            .BuildServiceProvider();
        await using var _ = services;
        var lecturers = Directory.GetFiles(Path.Combine(ContentBenchmark.FindRoot(), "seeds", "lecturers"), "*.md")
            .Select(f => SeedIds.For("Lecturer", Path.GetFileNameWithoutExtension(f))).Order(StringComparer.Ordinal).ToArray();
        var done = 0;
        foreach (var batch in documents.Chunk(batchSize))
        {
            await using var scope = services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
            foreach (var document in batch)
            {
                var n = done++;
                var lesson = await manager.NewAsync("Lesson");
                lesson.Apply(new TitlePart { Title = document.Title });
                lesson.Apply(new AutoroutePart { Path = $"lessons/{document.Id}" });
                lesson.Apply(new SummaryPart { Summary = document.Body[..Math.Min(document.Body.Length, 120)] });
                lesson.Apply(new MarkdownBodyPart { Markdown = "## 学习要点\n\n" + document.Body });
                lesson.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturers[n % lecturers.Length]] });
                lesson.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", s_themes[n % s_themes.Length])] });
                lesson.SetField("Industries", new TaxonomyField { TermIds = [TaxonomyService.TermId("Industry", s_industries[n / 7 % s_industries.Length])] });
                lesson.SetField("Regions", new TaxonomyField { TermIds = [TaxonomyService.TermId("Region", s_regions[n / 3 % s_regions.Length])] });
                lesson.SetField("Format", new TextField { Text = "图文" });
                lesson.SetField("Duration", new NumericField { Value = 5 + n % 10 });
                await manager.CreateAsync(lesson, publish: true);
            }

            await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
            progress?.Report(done);
        }
    }
}
