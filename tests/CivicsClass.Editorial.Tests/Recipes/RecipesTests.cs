using System.Net;
using System.Text.Json;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Editorial.Tests.Recipes;

/// <summary>A recipe is imported whole or not at all, and an export imports again.</summary>
public abstract class RecipesTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Administrator_ImportsOnlyAWholeValidRecipe_AndExportsOneThatImports()
    {
        var factory = await host.GetAsync();
        var admin = (await AdminPeople.SignInAsync(factory, "recipes", "Administrator"))["Administrator"];

        var broken = await Upload(admin, """{ "Steps": [ { "Name": "Taxonomies", "Taxonomies": [ { "Alias": "Theme", "DisplayName": "主题", "Terms": ["班组建设"] } ] }, { "Name": "NoSuchStep" } ] }""");
        var lessonEditor = await admin.GetStringAsync("/admin/content/Lesson/new");
        var notJson = await Upload(admin, "这不是 JSON");
        var export = await admin.PostAsync("/admin/recipes", "/admin/recipes/export", [new("types", "Lecturer"), new("includeItems", "true")]);
        var recipe = await export.Content.ReadAsStringAsync();
        var again = await Upload(admin, recipe);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("没有名为 'NoSuchStep' 的步骤", System.Net.WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync())); // recipe errors in Chinese
        Assert.DoesNotContain("班组建设", lessonEditor);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("不是有效的 JSON（第 1 行", await notJson.Content.ReadAsStringAsync());
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var steps = JsonDocument.Parse(recipe).RootElement.GetProperty("Steps");
        Assert.Equal("Lecturer", steps[0].GetProperty("ContentTypes")[0].GetProperty("Name").GetString());
        Assert.Equal(12, steps[1].GetProperty("Items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    private static async Task<HttpResponseMessage> Upload(FormClient client, string json)
    {
        var page = await client.GetStringAsync("/admin/recipes");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(FormClient.Token(page)), "__RequestVerificationToken" },
            { new StringContent(json, System.Text.Encoding.UTF8, "application/json"), "recipe", "test.recipe.json" },
        };
        return await client.Http.PostAsync("/admin/recipes/import", form);
    }
}

public sealed class SqliteRecipesTests(SiteHost<Sqlite> host) : RecipesTests<Sqlite>(host);

public sealed class PostgresRecipesTests(SiteHost<Postgres> host) : RecipesTests<Postgres>(host);
