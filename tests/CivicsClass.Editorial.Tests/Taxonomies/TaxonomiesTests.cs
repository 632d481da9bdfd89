using System.Net;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Editorial.Tests.Taxonomies;

/// <summary>Editors keep the taxonomies: a new term under any parent reaches the editor at once, and a duplicate is refused.</summary>
public abstract class TaxonomiesTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Editor_AddsATermUnderAParent_AndRefusesADuplicate()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "terms", "Editor"))["Editor"];

        var added = await editor.PostAsync("/admin/taxonomies/Theme", "/admin/taxonomies/Theme", new Dictionary<string, string> { ["newName"] = "安全生产", ["newParent"] = "" });
        var duplicate = await editor.PostAsync("/admin/taxonomies/Theme", "/admin/taxonomies/Theme", new Dictionary<string, string> { ["newName"] = "劳模精神" });
        var lessonEditor = await editor.GetStringAsync("/admin/content/Lesson/new");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已经有同名或同编号的词条“劳模精神”", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("安全生产", lessonEditor);
    }
}

public sealed class SqliteTaxonomiesTests(SiteHost<Sqlite> host) : TaxonomiesTests<Sqlite>(host);

public sealed class PostgresTaxonomiesTests(SiteHost<Postgres> host) : TaxonomiesTests<Postgres>(host);
