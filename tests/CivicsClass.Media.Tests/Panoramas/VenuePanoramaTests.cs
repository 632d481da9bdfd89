using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Seeds;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Media.Storage;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using Xunit;

namespace CivicsClass.Media.Tests.Panoramas;

/// <summary>Venues' 360° panoramas: uploaded through the venue editor (2:1 only), drawn for the seeded venue, shown with hotspots to the venue's lessons.</summary>
public abstract partial class VenuePanoramaTests<TProvider>(MediaSiteHost<TProvider> host) : IClassFixture<MediaSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task VenueEditor_PanoramaNotTwoToOne_IsRefusedWithTheReason_AndNothingIsKept()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "pano-refused", "Editor"))["Editor"];
        var store = factory.Services.GetRequiredService<IMediaStore>();
        var files = store.Count();

        var upload = await PostVenueAsync(editor, "方形全景馆", "fangxing-quanjing", ("square.jpg", TestFiles.Jpeg(1600, 1000)));
        var text = await upload.Content.ReadAsStringAsync();
        var picked = await PostVenueAsync(editor, "媒体库全景馆", "meitiku-quanjing", null, panoramas: "/media/" + new string('a', 32) + ".jpg");

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("宽高比 2:1", text);
        Assert.Contains("1600×1000", text);
        Assert.Equal(files, store.Count());
        Assert.Equal(HttpStatusCode.BadRequest, picked.StatusCode);
        Assert.Contains("不是媒体库里的图片", await picked.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task VenueEditor_TwoToOnePanorama_IsKept_AndThePageAndApiShowItWithAHotspotForTheVenuesLesson()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "pano-kept", "Editor"))["Editor"];
        using var client = await host.ClientAsync();

        var saved = await PostVenueAsync(editor, "全景示范馆", "quanjing-shifan", ("hall.jpg", TestFiles.Jpeg(2048, 1024)));
        var venueId = AdminPeople.IdFromRedirect(saved);
        var lesson = AdminPeople.LessonForm("全景里的一课", "quanjing-li-yike", "publish");
        lesson.Add(new("F.Venue", venueId));
        var lessonSaved = await editor.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", lesson);
        var image = (await ItemAsync(factory, venueId)).Part<PanoramaPart>().Panoramas.Single().Image!;
        var page = await client.GetStringAsync("/venues/quanjing-shifan");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/content/item/{venueId}");
        var viewer = await GetAsync(client, image + "?profile=panorama", "image/avif,image/webp,*/*");
        using var decoded = SKBitmap.Decode(await viewer.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, lessonSaved.StatusCode);
        Assert.Matches("^/media/[0-9a-f]{32}\\.jpg$", image);
        Assert.Contains($"data-panorama=\"{image}?profile=panorama\"", page);
        Assert.Contains($"<a class=\"panorama-still\" href=\"{image}\">", page);
        Assert.Contains("<li><a href=\"/lessons/quanjing-li-yike\">全景里的一课</a></li>", page);
        Assert.Contains("/lib/pannellum/pannellum", page);
        var hotspots = Hotspots(page);
        Assert.Equal("/lessons/quanjing-li-yike", hotspots.Single().GetProperty("url").GetString());
        Assert.Equal(0, hotspots.Single().GetProperty("yaw").GetDouble());
        var panorama = api.GetProperty("panoramas").EnumerateArray().Single();
        Assert.Equal(image + "?profile=panorama", panorama.GetProperty("viewerUrl").GetString());
        Assert.False(panorama.GetProperty("drawn").GetBoolean());
        var spot = panorama.GetProperty("hotspots").EnumerateArray().Single();
        Assert.Equal("/lessons/quanjing-li-yike", spot.GetProperty("url").GetString());
        Assert.Equal("全景里的一课", spot.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal("image/webp", viewer.Content.Headers.ContentType?.MediaType);
        Assert.Equal((2048, 1024), (decoded.Width, decoded.Height));
    }

    [SkippableFact]
    public async Task SeededVenue_HasADrawnHall_2To1_ServedAsWebp_WithAHotspotToItsLesson()
    {
        using var client = await host.ClientAsync();

        var page = await client.GetStringAsync("/venues/anyuan-memorial");
        var viewerUrl = WebUtility.HtmlDecode(ViewerPattern().Match(page).Groups[1].Value);
        var webp = await GetAsync(client, viewerUrl, "image/avif,image/webp,*/*");
        var bytes = await webp.Content.ReadAsByteArrayAsync();
        var jpeg = await GetAsync(client, viewerUrl, "image/*");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/content/item/{AdminPeople.VenueId}");
        var other = await client.GetFromJsonAsync<JsonElement>($"/api/v1/content/item/{SeedIds.For("Venue", "wuhan-erqi-memorial")}");
        using var decoded = SKBitmap.Decode(bytes);

        Assert.StartsWith($"/media/g/panorama/{AdminPeople.VenueId}/", viewerUrl);
        Assert.EndsWith("?profile=panorama", viewerUrl);
        Assert.Equal(HttpStatusCode.OK, webp.StatusCode);
        Assert.Equal("image/webp", webp.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
        Assert.Equal((4096, 2048), (decoded.Width, decoded.Height));
        Assert.True(bytes.Length < 1_500_000, $"the viewer's image is {bytes.Length} bytes");
        Assert.Contains("示意图", page);
        Assert.Contains("/lessons/anyuan-great-strike-1922", Hotspots(page).Select(h => h.GetProperty("url").GetString()));
        var panorama = api.GetProperty("panoramas").EnumerateArray().Single();
        Assert.True(panorama.GetProperty("drawn").GetBoolean());
        Assert.Equal(viewerUrl, panorama.GetProperty("viewerUrl").GetString());
        Assert.Contains("/lessons/anyuan-great-strike-1922", panorama.GetProperty("hotspots").EnumerateArray().Select(h => h.GetProperty("url").GetString()));
        Assert.Empty(other.GetProperty("panoramas").EnumerateArray());
    }

    private static async Task<HttpResponseMessage> PostVenueAsync(FormClient client, string title, string slug, (string Name, byte[] Bytes)? file, string panoramas = "")
    {
        var page = await client.GetStringAsync("/admin/content/Venue/new");
        using var form = new MultipartFormDataContent { { new StringContent(FormClient.Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["Title"] = title, ["Slug"] = slug, ["Summary"] = "用于检验全景图的场馆。", ["F.Kind"] = TaxonomyService.TermId("VenueKind", "纪念馆"),
            ["Markdown"] = "1925年5月，第二次全国劳动大会召开。", ["Panoramas"] = panoramas, ["command"] = "publish",
        })
        {
            form.Add(new StringContent(value), name);
        }

        if (file is var (fileName, bytes))
        {
            form.Add(new ByteArrayContent(bytes), "PanoramaFile", fileName);
        }

        return await client.Http.PostAsync("/admin/content/Venue/new", form);
    }

    private static async Task<ContentItem> ItemAsync(SiteFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published))!;
    }

    private static IReadOnlyList<JsonElement> Hotspots(string page) =>
        JsonDocument.Parse(WebUtility.HtmlDecode(HotspotsPattern().Match(page).Groups[1].Value)).RootElement.EnumerateArray().ToList();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("data-panorama=\"([^\"]+)\"")]
    private static partial Regex ViewerPattern();

    [GeneratedRegex("data-hotspots=\"([^\"]+)\"")]
    private static partial Regex HotspotsPattern();
}

public sealed class SqliteVenuePanoramaTests(MediaSiteHost<Sqlite> host) : VenuePanoramaTests<Sqlite>(host);

public sealed class PostgresVenuePanoramaTests(MediaSiteHost<Postgres> host) : VenuePanoramaTests<Postgres>(host);
