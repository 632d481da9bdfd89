using System.Text.Json.Nodes;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Security;
using CivicsClass.Content.Settings;
using CivicsClass.Data.Documents;
using CivicsClass.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Content.Tests.Recipes;

public abstract class RecipeExecutorTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Execute_CivicsClassRecipe_DefinesTypesTaxonomiesRolesAndSettings()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        await using var scope = site.CreateScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        var definitions = scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>();
        var taxonomies = scope.ServiceProvider.GetRequiredService<Taxonomies.TaxonomyService>();

        var types = (await definitions.ListTypesAsync()).ToDictionary(t => t.Name, t => t.DisplayName);
        var regions = await taxonomies.GetTermsAsync("Region", session);
        var roles = await session.GetAllAsync<Role>();
        var settings = await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().GetAsync(session);

        Assert.Equal("课程", types["Lesson"]);
        Assert.Equal("系列课", types["Course"]);
        Assert.Equal("专题", types["Topic"]);
        Assert.Equal("宣讲活动", types["Event"]);
        Assert.Equal(34, regions.Count);
        Assert.Contains(regions.Values, t => t.Name == "新疆维吾尔自治区");
        Assert.Equal(["Administrator", "Anonymous", "Editor", "Lecturer", "Worker"], roles.Select(r => r.Name).Order());
        Assert.Equal("中国工人大思政课", settings.Sections["Site"]!["Name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Execute_Twice_LeavesOneCopyOfEverything()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var before = await CountDocumentsAsync(site);

        await ExecuteAsync(site, await File.ReadAllTextAsync(RepositoryPaths.Recipe));
        var after = await CountDocumentsAsync(site);

        Assert.Equal(before.Where(p => p.Key != nameof(RecipeExecution)), after.Where(p => p.Key != nameof(RecipeExecution)));
        Assert.Equal(7, before[nameof(ContentItem)]); // the seven taxonomies
    }

    [SkippableFact]
    public async Task Execute_NewTermsOnSecondRun_AddsOnlyThoseAndKeepsIds()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        const string recipe = """{ "Steps": [ { "Name": "Taxonomies", "Taxonomies": [ { "Alias": "Theme", "DisplayName": "主题", "Terms": [ "劳模精神", "安全生产" ] } ] } ] }""";

        await ExecuteAsync(site, recipe);
        await ExecuteAsync(site, recipe);

        await using var scope = site.CreateScope();
        var terms = await scope.ServiceProvider.GetRequiredService<Taxonomies.TaxonomyService>()
            .GetTermsAsync("Theme", scope.ServiceProvider.GetRequiredService<ISession>());
        Assert.Equal(11, terms.Count);
        Assert.Single(terms.Values, t => t.Name == "安全生产");
        Assert.Contains(ContentSite.Term("Theme", "劳模精神"), terms.Keys);
    }

    [SkippableTheory]
    [InlineData("""{ "Steps": [ { "Name": "ContentDefinition", "ContentTypes": [ { "Name": "Lesson2", "DisplayName": "课", "Parts": [ { "Name": "NoSuchPart" } ] } ] } ] }""",
        0, "$.Steps[0].ContentTypes[0].Parts[0].Name", "没有名为 'NoSuchPart' 的部件")]
    [InlineData("""{ "Steps": [ { "Name": "Settings", "Settings": {} }, { "Name": "Contnet", "Items": [] } ] }""",
        1, "$.Steps[1].Name", "没有名为 'Contnet' 的步骤")]
    [InlineData("""{ "Steps": [ { "Name": "Taxonomies", "Taxonomies": [ { "Alias": "Theme", "DisplayName": "主题", "Terms": [ "甲", "甲" ] } ] } ] }""",
        0, "$.Steps[0].Taxonomies[0].Terms[1]", "词条 '甲' 出现了两次")]
    [InlineData("""{ "Steps": [ { "Name": "ContentDefinition", "ContentTypes": [ { "Name": "Quiz", "DisplayName": "测验", "Fields": [ { "Name": "Max", "Type": "NumericField", "Settings": { "Maximum": "很多" } } ] } ] } ] }""",
        0, "$.Steps[0].ContentTypes[0].Fields[0].Settings.Maximum", "值的类型不对")]
    [InlineData("""{ "Steps": [ { "Name": "Content", "Items": [ { "ContentItemId": "x1", "ContentType": "Podcast", "Content": {} } ] } ] }""",
        0, "$.Steps[0].Items[0].ContentType", "'Podcast' 不是本配方或网站定义的内容类型")]
    [InlineData("""{ "Steps": [ { "Name": "Roles" } ] }""", 0, "$.Steps[0].Roles", "必须填写")]
    public async Task Execute_MalformedRecipe_IsRefusedWithStepPathAndReason(string recipe, int step, string path, string reason)
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var before = await CountDocumentsAsync(site);

        var exception = await Assert.ThrowsAsync<RecipeException>(() => ExecuteAsync(site, recipe));

        var error = exception.Errors.First();
        Assert.Equal(step, error.StepIndex);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason);
        Assert.Equal(before, await CountDocumentsAsync(site));
    }

    [SkippableFact]
    public async Task Execute_InvalidJson_SaysWhereAndChangesNothing()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var before = await CountDocumentsAsync(site);

        var exception = await Assert.ThrowsAsync<RecipeException>(() => ExecuteAsync(site, "{ \"Steps\": [ { \"Name\": \"Roles\", \n \"Roles\": [ } ] }"));

        Assert.Contains("第 2 行", exception.Errors.Single().Reason);
        Assert.Equal(before, await CountDocumentsAsync(site));
    }

    [SkippableFact]
    public async Task Execute_ContentThatFailsValidationMidway_RollsBackEarlierSteps()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var before = await CountDocumentsAsync(site);
        var recipe = new JsonObject
        {
            ["Steps"] = new JsonArray(
                new JsonObject { ["Name"] = "Roles", ["Roles"] = new JsonArray(new JsonObject { ["Name"] = "Auditor", ["DisplayName"] = "审计" }) },
                new JsonObject
                {
                    ["Name"] = "Content",
                    ["Items"] = new JsonArray(new JsonObject
                    {
                        ["ContentItemId"] = "recipe-lecturer-1",
                        ["ContentType"] = "Lecturer",
                        ["Published"] = true,
                        ["Content"] = new JsonObject { ["TitlePart"] = new JsonObject { ["Title"] = "" }, ["AutoroutePart"] = new JsonObject { ["Path"] = "lecturers/x" } },
                    }),
                }),
        };

        var exception = await Assert.ThrowsAsync<RecipeException>(() => ExecuteAsync(site, recipe.ToJsonString()));

        Assert.Contains(exception.Errors, e => e.StepIndex == 1 && e.Reason.Contains("标题不能为空"));
        Assert.Equal(before, await CountDocumentsAsync(site));
    }

    [SkippableFact]
    public async Task Execute_ContentStepTwice_MakesOneItemWithOneVersion()
    {
        await using var site = await ContentSite.CreateAsync(new TProvider());
        var recipe = new JsonObject
        {
            ["Steps"] = new JsonArray(new JsonObject
            {
                ["Name"] = "Content",
                ["Items"] = new JsonArray(new JsonObject
                {
                    ["ContentItemId"] = "recipe-topic-1",
                    ["ContentType"] = "Topic",
                    ["Published"] = true,
                    ["Content"] = new JsonObject
                    {
                        ["TitlePart"] = new JsonObject { ["Title"] = "劳模工匠专题" },
                        ["AutoroutePart"] = new JsonObject { ["Path"] = "topics/laomo" },
                    },
                }),
            }),
        }.ToJsonString();

        await ExecuteAsync(site, recipe);
        await ExecuteAsync(site, recipe);

        var versions = await ContentSite.WithManagerAsync(site, m => m.GetVersionsAsync("recipe-topic-1"));
        var topic = Assert.Single(versions);
        Assert.True(topic.Published);
        Assert.Equal("劳模工匠专题", topic.Part<TitlePart>().Title);
    }

    private static async Task ExecuteAsync(TestSite site, string recipe)
    {
        await using var scope = site.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, "test");
    }

    private static async Task<Dictionary<string, int>> CountDocumentsAsync(TestSite site)
    {
        await using var session = site.CreateSession();
        var (connection, _) = await session.GetConnectionAsync();
        var rows = await connection.QueryAsync<(string Type, long Count)>("SELECT type, COUNT(*) FROM document GROUP BY type");
        return rows.ToDictionary(r => r.Type, r => (int)r.Count);
    }
}

public sealed class SqliteRecipeExecutorTests : RecipeExecutorTests<Sqlite>;

public sealed class PostgresRecipeExecutorTests : RecipeExecutorTests<Postgres>;
