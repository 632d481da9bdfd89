using System.Globalization;
using System.Net;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Tests.Library;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Media.Tests.Uploads;

public abstract class UploadQuotaTests<TProvider>(QuotaSiteHost<TProvider> host) : IClassFixture<QuotaSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Upload_PastTheUsersQuota_IsRefused_WhileOthersStillUpload()
    {
        var factory = await host.GetAsync();
        var people = await AdminPeople.SignInAsync(factory, "quota", "Editor", "Lecturer");

        var first = await MediaForms.UploadAsync(people["Editor"], ("quota-first.mp3", TestFiles.Mp3(200 * 1024)));
        var second = await MediaForms.UploadAsync(people["Editor"], ("quota-second.mp3", TestFiles.Mp3(150 * 1024)));
        var other = await MediaForms.UploadAsync(people["Lecturer"], ("quota-other.mp3", TestFiles.Mp3(150 * 1024)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("超出了你的上传空间：已用 0.2 MB，每人最多 0.3 MB", await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "quota-other.mp3");
    }

    [SkippableFact]
    public async Task Upload_WithDirectionCharactersInItsName_IsKeptUnderAPlainName()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "bidi", "Editor"))["Editor"];

        var response = await MediaForms.UploadAsync(editor, ("bidi-talk\u202Egpj.mp3", TestFiles.Mp3(8 * 1024)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "bidi-talkgpj.mp3");
    }

    [SkippableFact]
    public async Task Upload_RequestLargerThanTheLargestAllowedFile_IsRefusedBeforeAnythingIsKept()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "bodylimit", "Editor"))["Editor"];
        var store = factory.Services.GetRequiredService<IMediaStore>();
        var before = store.Count();

        var response = await MediaForms.UploadAsync(editor, ("bodylimit.mp3", TestFiles.Mp3((int)QuotaSiteHost<TProvider>.Largest + 2 * 1024 * 1024)));

        Assert.Contains((int)response.StatusCode, new[] { 400, 413 });
        Assert.Equal(before, store.Count());
    }
}

public sealed class SqliteUploadQuotaTests(QuotaSiteHost<Sqlite> host) : UploadQuotaTests<Sqlite>(host);

public sealed class PostgresUploadQuotaTests(QuotaSiteHost<Postgres> host) : UploadQuotaTests<Postgres>(host);
