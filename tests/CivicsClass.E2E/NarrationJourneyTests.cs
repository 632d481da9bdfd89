using System.Net.Http.Json;
using System.Text.Json;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace CivicsClass.E2E;

/// <summary>On a phone, a lesson published a moment ago is read aloud: the sentence being read is highlighted and moves on, and a tap on a sentence plays from there.</summary>
public sealed class NarrationJourneyTests(NarrationSite site) : IClassFixture<NarrationSite>
{
    [SkippableFact]
    public async Task Worker_PlaysTheNarration_SeesTheSentenceAdvance_AndJumpsByTapping()
    {
        var browser = await site.StartAsync();
        var (id, path) = await PublishLessonAsync();
        var narration = await WaitForNarrationAsync(id);
        var starts = narration.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("start").GetDouble()).ToList();
        var errors = new List<string>();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(site.BaseAddress + "/" + path);
        var sentences = page.Locator("[data-narration-sentences] button");
        await page.GetByRole(AriaRole.Heading, new() { Name = "听课" }).WaitForAsync();
        var shown = await sentences.AllTextContentsAsync();
        await page.Locator("[data-narration-speed]").SelectOptionAsync("1.5");
        await sentences.Nth(2).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-narration-sentences] [data-index=\"2\"]').getAttribute('aria-current') === 'true'");
        var afterTap = await page.EvalOnSelectorAsync<double>("[data-narration-audio]", "a => a.currentTime");
        await BrowserSite.ShotAsync(page, "narration-1-tapped");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-narration-sentences] [data-index=\"3\"]').getAttribute('aria-current') === 'true'",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var rate = await page.EvalOnSelectorAsync<double>("[data-narration-audio]", "a => a.playbackRate");
        var highlighted = await page.Locator("[data-narration-sentences] [aria-current=true]").CountAsync();
        await BrowserSite.ShotAsync(page, "narration-2-advanced");

        Assert.Equal(narration.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()), shown);
        Assert.InRange(afterTap, starts[2] - 0.01, starts[3]);
        Assert.Equal(1.5, rate);
        Assert.Equal(1, highlighted);
        Assert.Empty(errors);
    }

    private async Task<(string Id, string Path)> PublishLessonAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lecturer = await content.NewAsync("Lecturer");
        lecturer.Apply(new TitlePart { Title = "许振超" });
        lecturer.Apply(new AutoroutePart { Path = "lecturers/xu-zhenchao-test" });
        lecturer.SetField("Category", new TaxonomyField { TermIds = [TaxonomyService.TermId("LecturerCategory", "劳动模范")] });
        await content.CreateAsync(lecturer, publish: true);
        var lesson = await content.NewAsync("Lesson");
        lesson.Apply(new TitlePart { Title = "码头上的振超效率" });
        lesson.Apply(new SummaryPart { Summary = "一位桥吊司机怎样把装卸效率做到世界第一。" });
        lesson.Apply(new MarkdownBodyPart { Markdown = "## 练就绝活\n\n他只有初中文化。他自学了桥吊的全部技术。\n\n2003年4月，他带领团队创造了每小时381自然箱的纪录。这个纪录被称为“振超效率”。\n\n## 传下去\n\n他把绝活教给了年轻人。" });
        lesson.Apply(new AutoroutePart { Path = "lessons/zhenchao-xiaolv-test" });
        lesson.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturer.ContentItemId] });
        lesson.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", "劳模精神")] });
        lesson.SetField("Format", new TextField { Text = "图文" });
        lesson.SetField("Duration", new NumericField { Value = 3 });
        await content.CreateAsync(lesson, publish: true);
        await scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>().SaveChangesAsync();
        return (lesson.ContentItemId, lesson.Part<AutoroutePart>().Path);
    }

    /// <summary>The lesson API's narration once it is ready, made by the site's own background job.</summary>
    private async Task<JsonElement> WaitForNarrationAsync(string id)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseAddress) };
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            var item = await http.GetFromJsonAsync<JsonElement>($"/api/v1/content/item/{id}");
            var narration = item.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "narration");
            if (narration.GetProperty("state").GetString() == "ready")
            {
                return narration;
            }
        }

        throw new TimeoutException("The narration was not made within two minutes.");
    }
}
