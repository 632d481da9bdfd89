using System.Net;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Editorial.Tests.Editing;

/// <summary>A lecturer who types only a Chinese title gets an address in pinyin, unique, and may still type their own.</summary>
public abstract class AddressTests<TProvider>(SiteHost<TProvider> host) : IClassFixture<SiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task NewLesson_ChineseTitleOnly_GetsAPinyinAddress_NumberedWhenTaken()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "pinyin", "Lecturer"))["Lecturer"];

        var first = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm("重庆银行职工的工匠精神", "", "save"));
        var second = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm("重庆银行职工的工匠精神", "", "save"));
        var firstPage = await lecturer.GetStringAsync($"/admin/content/edit/{AdminPeople.IdFromRedirect(first)}");
        var secondPage = await lecturer.GetStringAsync($"/admin/content/edit/{AdminPeople.IdFromRedirect(second)}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("value=\"chongqing-yinhang-zhigong-de-gongjiangjingshen\"", firstPage);
        Assert.Contains("value=\"chongqing-yinhang-zhigong-de-gongjiangjingshen-2\"", secondPage);
    }

    [SkippableFact]
    public async Task NewLesson_TypedAddress_IsKept()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "typed", "Lecturer"))["Lecturer"];

        var saved = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm("自己起的地址", "my-own-address", "save"));
        var page = await lecturer.GetStringAsync($"/admin/content/edit/{AdminPeople.IdFromRedirect(saved)}");

        Assert.Contains("value=\"my-own-address\"", page);
    }

    [SkippableFact]
    public async Task NewLesson_NoTitleAndNoAddress_IsRefusedInChinese()
    {
        var factory = await host.GetAsync();
        var lecturer = (await AdminPeople.SignInAsync(factory, "empty", "Lecturer"))["Lecturer"];

        var refused = await lecturer.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", AdminPeople.LessonForm("！？", "", "save"));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("地址不能为空", html);
        Assert.DoesNotContain("（slug）", html);
    }
}

public sealed class SqliteAddressTests(SiteHost<Sqlite> host) : AddressTests<Sqlite>(host);

public sealed class PostgresAddressTests(SiteHost<Postgres> host) : AddressTests<Postgres>(host);
