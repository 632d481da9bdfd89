using System.Net;
using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Media.Generated;
using CivicsClass.Media.Tests.Library;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using CivicsClass.Theme.Models;
using CivicsClass.Web.Site;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit;
using ZXing;

namespace CivicsClass.Media.Tests.Generated;

/// <summary>Covers, portrait marks and long images drawn from the seeded content, served through the image profiles.</summary>
public abstract partial class GeneratedImagesTests<TProvider>(MediaSiteHost<TProvider> host) : IClassFixture<MediaSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Anyuan = "lessons/anyuan-great-strike-1922";

    [SkippableFact]
    public async Task HomePage_EveryCardHasADistinctImage_ServedThroughTheProfilesAsWebp()
    {
        using var client = await host.ClientAsync();

        var page = await client.GetStringAsync("/");
        var cards = CardPattern().Matches(page).Select(m => m.Value).ToList();
        var images = cards.Select(card => ImagePattern().Match(card)).Select(m => m.Success ? WebUtility.HtmlDecode(m.Groups["src"].Value) : null).ToList();

        Assert.True(cards.Count >= 10, $"the seeded home page shows {cards.Count} cards");
        Assert.DoesNotContain("card-cover-empty", page);
        Assert.All(images, src => Assert.StartsWith("/media/", src));
        Assert.Equal(images.Count, images.Distinct().Count());
        foreach (var src in images)
        {
            var response = await GetAsync(client, src!, "image/avif,image/webp,*/*");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{src}: {(int)response.StatusCode}");
            Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("?profile=", src);
        }
    }

    [SkippableFact]
    public async Task GeneratedCover_IsWebpAtTheCardSize_DrawnOnce_AndDiffersBetweenLessons()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();
        var first = await CoverUrlAsync(factory, Anyuan);
        var second = await CoverUrlAsync(factory, "lessons/erqi-strike-1923");

        var firstCard = await GetAsync(client, first + "?profile=card", "image/webp,*/*");
        var again = await GetAsync(client, first + "?profile=card", "image/webp,*/*");
        var secondCard = await GetAsync(client, second + "?profile=card", "image/webp,*/*");
        var jpeg = await GetAsync(client, first + "?profile=card", "image/*");
        var bytes = await firstCard.Content.ReadAsByteArrayAsync();
        using var decoded = SKBitmap.Decode(bytes);
        var key = GeneratedImageUrl.Parse(first)!.Key;

        Assert.Equal("image/webp", firstCard.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
        Assert.Equal((480, 270), (decoded.Width, decoded.Height));
        Assert.Equal("public, max-age=31536000, immutable", firstCard.Headers.CacheControl?.ToString());
        Assert.Equal(firstCard.Headers.ETag, again.Headers.ETag);
        Assert.NotEqual(first, second);
        Assert.NotEqual(bytes, await secondCard.Content.ReadAsByteArrayAsync());
        Assert.True(File.Exists(Path.Combine(factory.Database.Directory, "App_Data", "media-cache", key, "source.png")));
    }

    [SkippableFact]
    public async Task ChangedTitle_GivesANewAddress_AndTheOldOneRedirectsToIt()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();
        const string path = "lessons/shenggang-dabagong-1925";
        var before = await CoverUrlAsync(factory, path);

        await ChangeAsync(factory, path, item => item.Apply(new TitlePart { Title = "省港大罢工：十六个月的坚持" }));
        var after = await CoverUrlAsync(factory, path);
        var stale = await client.GetAsync(before + "?profile=card");
        var unknown = await client.GetAsync("/media/g/cover/nosuchitem/" + new string('a', 32) + ".png?profile=card");

        Assert.NotEqual(before, after);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(after + "?profile=card", stale.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task UploadedCover_WinsOverTheGeneratedOne()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "generated-cover", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("uploaded-cover.jpg", TestFiles.Jpeg(1200, 675)));
        var uploaded = await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "uploaded-cover.jpg");
        const string path = "lessons/gonghui-niangjiaren";

        await ChangeAsync(factory, path, item => item.Apply(new MediaPart { Cover = uploaded.Url }));
        ContentCard card;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync(path);
            card = await scope.ServiceProvider.GetRequiredService<CardFactory>().CardAsync(item!);
        }

        var page = await editor.GetStringAsync("/" + path);

        Assert.Equal(uploaded.Url, card.Cover);
        Assert.False(card.GeneratedCover);
        Assert.Contains(uploaded.Url + "?profile=hero", page);
    }

    [SkippableFact]
    public async Task Lecturer_WithoutAPhoto_GetsASquarePortraitMark()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();

        var portrait = await CoverUrlAsync(factory, "lecturers/chen-zhiyuan");
        var thumb = await GetAsync(client, portrait + "?profile=thumb", "image/webp");
        using var decoded = SKBitmap.Decode(await thumb.Content.ReadAsByteArrayAsync());

        Assert.StartsWith("/media/g/portrait/", portrait);
        Assert.Equal("image/webp", thumb.Content.Headers.ContentType?.MediaType);
        Assert.Equal((160, 160), (decoded.Width, decoded.Height));
    }

    [SkippableFact]
    public async Task LongImage_Is750PxWide_AndItsQrCodeOpensTheLesson()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync(Anyuan))!.ContentItemId;
        }

        var lessonPage = await client.GetStringAsync("/" + Anyuan);
        var current = await client.GetAsync(GeneratedImageUrl.LongImage(id));
        var image = await GetAsync(client, current.Headers.Location!.OriginalString, "image/webp");
        using var decoded = SKBitmap.Decode(await image.Content.ReadAsByteArrayAsync());
        var text = DecodeQr(decoded);

        Assert.Contains($"href=\"{GeneratedImageUrl.LongImage(id)}\"", lessonPage);
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
        Assert.Equal("image/webp", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(750, decoded.Width);
        Assert.True(decoded.Height > 1500, $"a long image of {decoded.Height} px");
        Assert.Equal("http://localhost/" + Anyuan, text);
    }

    [SkippableFact]
    public async Task LongImage_OfAnythingButAPublishedLesson_IsNotFound()
    {
        var factory = await host.GetAsync();
        using var client = await host.ClientAsync();
        string venue;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            venue = (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync("venues/anyuan-memorial"))!.ContentItemId;
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(GeneratedImageUrl.LongImage(venue))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(GeneratedImageUrl.LongImage("no-such-lesson"))).StatusCode);
    }

    internal static string? DecodeQr(SKBitmap bitmap)
    {
        using var bgra = bitmap.Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(bgra.Bytes, bgra.Width, bgra.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(source)?.Text;
    }

    internal static async Task<string> CoverUrlAsync(SiteFactory factory, string path)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetByPathAsync(path);
        return (await scope.ServiceProvider.GetRequiredService<GeneratedImageSpecs>().CoverUrlAsync(item!))!;
    }

    internal static async Task ChangeAsync(SiteFactory factory, string path, Action<ContentItem> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = (await manager.GetByPathAsync(path, VersionOptions.Latest))!;
        change(item);
        await manager.PublishAsync(await manager.UpdateAsync(item));
        await scope.ServiceProvider.GetRequiredService<ISession>().SaveChangesAsync();
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<article class=\"card[^\"]*\">.*?</article>", RegexOptions.Singleline)]
    private static partial Regex CardPattern();

    [GeneratedRegex("<img [^>]*src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ImagePattern();
}

public sealed class SqliteGeneratedImagesTests(MediaSiteHost<Sqlite> host) : GeneratedImagesTests<Sqlite>(host);

public sealed class PostgresGeneratedImagesTests(MediaSiteHost<Postgres> host) : GeneratedImagesTests<Postgres>(host);
