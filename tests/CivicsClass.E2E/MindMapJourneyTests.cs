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

/// <summary>On a phone, a lesson's mind map is folded by a tap and unfolded by the keyboard, panned and zoomed; its picture is there to share; without script it is a list.</summary>
public sealed class MindMapJourneyTests(NarrationSite site) : IClassFixture<NarrationSite>
{
    private const string Body = """
        ## 练就绝活

        他只有初中文化。他**自学了桥吊的全部技术**。

        - 一钩准
        - 一钩净
          - 不掉一粒货

        ## 传下去

        他把绝活教给了年轻人。
        """;

    [SkippableFact]
    public async Task Worker_FoldsABranchByTap_UnfoldsItByKeyboard_AndPansAndZooms()
    {
        var browser = await site.StartAsync();
        var (id, path) = await PublishLessonAsync();
        var picture = await WaitForMindMapAsync(id);
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
        var map = page.Locator("[data-mindmap]");
        await map.ScrollIntoViewIfNeededAsync();
        var branch = map.GetByRole(AriaRole.Button, new() { Name = "练就绝活" });
        var children = page.Locator("#" + await branch.GetAttributeAsync("aria-controls"));
        var openAtFirst = await branch.GetAttributeAsync("aria-expanded");
        await branch.ClickAsync();
        var foldedByTap = await branch.GetAttributeAsync("aria-expanded");
        var hiddenAfterTap = await children.IsHiddenAsync();
        await BrowserSite.ShotAsync(page, "mindmap-1-folded");

        await map.GetByRole(AriaRole.Button, new() { Name = "码头上的振超效率" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        var focusedBranch = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        var unfoldedByEnter = await branch.GetAttributeAsync("aria-expanded");
        await page.Keyboard.PressAsync("ArrowRight");
        var firstChild = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Space");
        var foldedBySpace = await branch.GetAttributeAsync("aria-expanded");
        await page.Keyboard.PressAsync("ArrowRight");
        var unfoldedByArrow = await branch.GetAttributeAsync("aria-expanded");
        var visibleAfterKeys = await children.IsVisibleAsync();

        var before = await TransformAsync(page);
        await map.GetByRole(AriaRole.Button, new() { Name = "放大" }).ClickAsync();
        var zoomed = await TransformAsync(page);
        var view = await page.Locator("[data-mindmap-view]").BoundingBoxAsync();
        await page.Mouse.MoveAsync(view!.X + view.Width - 20, view.Y + view.Height - 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(view.X + view.Width - 120, view.Y + view.Height - 60, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var panned = await TransformAsync(page);
        var stillUnfolded = await branch.GetAttributeAsync("aria-expanded");
        await BrowserSite.ShotAsync(page, "mindmap-2-unfolded-by-keyboard");
        var image = await page.APIRequest.GetAsync(site.BaseAddress + await map.Locator("a[download]").GetAttributeAsync("href"));
        var pageErrors = errors.ToList(); // the picture's own document is styled by the browser, against its strict policy
        await page.GotoAsync(site.BaseAddress + picture.GetProperty("url").GetString());
        await BrowserSite.ShotAsync(page, "mindmap-3-picture");

        Assert.Equal("true", openAtFirst);
        Assert.Equal("false", foldedByTap);
        Assert.True(hiddenAfterTap);
        Assert.Equal("练就绝活", focusedBranch);
        Assert.Equal("true", unfoldedByEnter);
        Assert.Equal("他自学了桥吊的全部技术。", firstChild);
        Assert.Equal("false", foldedBySpace);
        Assert.Equal("true", unfoldedByArrow);
        Assert.True(visibleAfterKeys);
        Assert.NotEqual(before, zoomed);
        Assert.Equal(Scale(before) * 1.25, Scale(zoomed), 3);
        Assert.NotEqual(zoomed, panned);
        Assert.Equal("true", stillUnfolded); // a drag is not a tap
        Assert.Equal(200, image.Status);
        Assert.Equal("image/png", image.Headers["content-type"]);
        Assert.Equal(picture.GetProperty("size").GetInt64(), (await image.BodyAsync()).Length);
        Assert.Empty(pageErrors);
    }

    [SkippableFact]
    public async Task WithoutScript_TheMindMapIsANestedList()
    {
        var browser = await site.StartAsync();
        var (_, path) = await PublishLessonAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 375, Height = 740 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.BaseAddress + "/" + path);
        var tree = page.Locator("[data-mindmap-tree]");
        var items = await tree.Locator("li").AllInnerTextsAsync();
        var nested = await tree.Locator("li li li li").First.InnerTextAsync();

        Assert.True(await tree.IsVisibleAsync());
        Assert.Equal(0, await tree.Locator("button").CountAsync());
        Assert.Equal(8, items.Count); // the title, two headings, two key sentences and the three items of the list
        Assert.Equal("不掉一粒货", nested.Trim());
    }

    private async Task<(string Id, string Path)> PublishLessonAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var lecturer = await content.NewAsync("Lecturer");
        lecturer.Apply(new TitlePart { Title = "许振超" });
        lecturer.Apply(new AutoroutePart { Path = "lecturers/mindmap-" + Guid.NewGuid().ToString("N")[..10] });
        lecturer.SetField("Category", new TaxonomyField { TermIds = [TaxonomyService.TermId("LecturerCategory", "劳动模范")] });
        await content.CreateAsync(lecturer, publish: true);
        var lesson = await content.NewAsync("Lesson");
        lesson.Apply(new TitlePart { Title = "码头上的振超效率" });
        lesson.Apply(new SummaryPart { Summary = "一位桥吊司机的绝活。" });
        lesson.Apply(new MarkdownBodyPart { Markdown = Body });
        lesson.Apply(new AutoroutePart { Path = "lessons/mindmap-" + Guid.NewGuid().ToString("N")[..10] });
        lesson.SetField("Lecturer", new ContentPickerField { ContentItemIds = [lecturer.ContentItemId] });
        lesson.SetField("Themes", new TaxonomyField { TermIds = [TaxonomyService.TermId("Theme", "劳模精神")] });
        lesson.SetField("Format", new TextField { Text = "图文" });
        lesson.SetField("Duration", new NumericField { Value = 3 });
        await content.CreateAsync(lesson, publish: true);
        await scope.ServiceProvider.GetRequiredService<Data.Documents.ISession>().SaveChangesAsync();
        return (lesson.ContentItemId, lesson.Part<AutoroutePart>().Path);
    }

    private static double Scale(string transform) =>
        double.Parse(transform[(transform.IndexOf("scale(", StringComparison.Ordinal) + 6)..].TrimEnd(')'), System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string> TransformAsync(IPage page) => page.EvalOnSelectorAsync<string>("[data-mindmap-tree]", "t => t.style.transform");

    /// <summary>The lesson API's mind map once the site's background job has drawn it.</summary>
    private async Task<JsonElement> WaitForMindMapAsync(string id)
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.BaseAddress) };
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            var item = await http.GetFromJsonAsync<JsonElement>($"/api/v1/content/item/{id}");
            var form = item.GetProperty("forms").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "mindmap");
            if (form.GetProperty("state").GetString() == "ready")
            {
                Assert.Equal("image/png", form.GetProperty("mediaType").GetString());
                return form;
            }
        }

        throw new TimeoutException("The mind map was not drawn within two minutes.");
    }
}
