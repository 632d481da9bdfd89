using System.Net;
using System.Net.Http.Headers;
using CivicsClass.Media.Storage;
using CivicsClass.Media.Uploads;
using CivicsClass.Media.Tests.Library;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Media.Tests.Serving;

public abstract class MediaServingTests<TProvider>(MediaSiteHost<TProvider> host) : IClassFixture<MediaSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    [SkippableFact]
    public async Task Profiles_GiveThePromisedSizesAndFormats_AndNothingElse()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "profiles", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("profiles-photo.jpg", TestFiles.Jpeg(1600, 1200)), ("profiles-long.png", TestFiles.Png(1000, 4000)));
        var (photo, longImage) = (await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "profiles-photo.jpg"), await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "profiles-long.png"));

        var thumb = await SizeOfAsync(editor, $"{photo.Url}?profile=thumb&format=webp", MediaSniffer.Webp);
        var card = await SizeOfAsync(editor, $"{photo.Url}?profile=card&format=jpeg", MediaSniffer.Jpeg);
        var hero = await SizeOfAsync(editor, $"{photo.Url}?profile=hero&format=png", MediaSniffer.Png);
        var phone = await SizeOfAsync(editor, $"{longImage.Url}?profile=long&format=jpeg", MediaSniffer.Jpeg);
        var arbitrary = await editor.Http.GetAsync($"{photo.Url}?profile=5000x5000");
        var badFormat = await editor.Http.GetAsync($"{photo.Url}?profile=card&format=tiff");

        Assert.Equal((160, 160), thumb);
        Assert.Equal((480, 270), card);
        Assert.Equal((1280, 960), hero);
        Assert.Equal((750, 3000), phone);
        Assert.Equal(HttpStatusCode.BadRequest, arbitrary.StatusCode);
        Assert.Contains("没有“5000x5000”这个图片规格", await arbitrary.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [SkippableFact]
    public async Task Derivative_IsNegotiatedCachedAndRevalidated()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "negotiate", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("negotiate.jpg", TestFiles.Jpeg(800, 600)));
        var file = await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "negotiate.jpg");
        var url = $"{file.Url}?profile=card";

        var webp = await GetAsync(editor, url, "image/avif,image/webp,*/*");
        var jpeg = await GetAsync(editor, url, "image/*");
        var again = await GetAsync(editor, url, "image/webp");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.Accept.ParseAdd("image/webp");
        conditional.Headers.IfNoneMatch.Add(webp.Headers.ETag!);
        var notModified = await editor.Http.SendAsync(conditional);
        var cached = Directory.GetFiles(Path.Combine(factory.Database.Directory, "App_Data", "media-cache", file.MediaKey));

        Assert.Equal("image/webp", webp.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", webp.Headers.Vary);
        Assert.False(webp.Headers.ETag!.IsWeak);
        Assert.NotEqual(webp.Headers.ETag, jpeg.Headers.ETag);
        Assert.Equal(webp.Headers.ETag, again.Headers.ETag);
        Assert.Equal(await webp.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", webp.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(2, cached.Length);
    }

    [SkippableFact]
    public async Task ExifOrientation_IsApplied_AndMetadataIsGoneFromDerivatives()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "exif", "Editor"))["Editor"];
        var original = TestFiles.JpegWithExif(400, 200);
        await MediaForms.UploadAsync(editor, ("exif-sideways.jpg", original));
        var file = await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "exif-sideways.jpg");

        var hero = await (await editor.Http.GetAsync($"{file.Url}?profile=hero&format=jpeg")).Content.ReadAsByteArrayAsync();
        var webp = await (await editor.Http.GetAsync($"{file.Url}?profile=hero&format=webp")).Content.ReadAsByteArrayAsync();

        Assert.True(Contains(original, "Exif"u8) && Contains(original, "MM\0*"u8));
        Assert.Equal((200, 400), (file.Width, file.Height));
        Assert.Equal((200, 400), ImageHeader.Read(hero, MediaSniffer.Jpeg));
        Assert.Equal((200, 400), ImageHeader.Read(webp, MediaSniffer.Webp));
        Assert.False(Contains(hero, "Exif"u8) || Contains(hero, "MM\0*"u8));
        Assert.False(Contains(webp, "EXIF"u8) || Contains(webp, "Exif"u8) || Contains(webp, "MM\0*"u8));
    }

    [SkippableFact]
    public async Task AudioAndVideo_AnswerRangeRequests()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "ranges", "Editor"))["Editor"];
        var (audio, video) = (TestFiles.Mp3(), TestFiles.Mp4());
        await MediaForms.UploadAsync(editor, ("ranges-talk.mp3", audio), ("ranges-lecture.mp4", video));
        var (mp3, mp4) = (await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "ranges-talk.mp3"), await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "ranges-lecture.mp4"));
        var anonymous = FormClient.For(factory);

        var first = await RangeAsync(anonymous, mp3.Url, 0, 99);
        var middle = await RangeAsync(anonymous, mp4.Url, 1000, 1999);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, mp4.Url);
        beyond.Headers.Range = new RangeHeaderValue(video.Length + 10, null);
        var unsatisfiable = await anonymous.Http.SendAsync(beyond);

        Assert.Equal(HttpStatusCode.PartialContent, first.StatusCode);
        Assert.Equal(audio[..100], await first.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 0-99/{audio.Length}", first.Content.Headers.ContentRange?.ToString());
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal(video[1000..2000], await middle.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", first.Headers.AcceptRanges.Single());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
    }

    [SkippableFact]
    public async Task Pages_OfferResponsiveImages_AndLongImagesOpenInTheViewer()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "pages", "Editor"))["Editor"];
        await MediaForms.UploadAsync(editor, ("pages-cover.jpg", TestFiles.Jpeg(1600, 900)), ("pages-mindmap.png", TestFiles.Png(750, 3000)));
        var (cover, mindMap) = (await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "pages-cover.jpg"), await MediaLibraryTests<TProvider>.FileNamedAsync(factory, "pages-mindmap.png"));
        foreach (var (slug, image) in new[] { ("xiangying-tupian", cover), ("siwei-daotu", mindMap) })
        {
            var form = AdminPeople.LessonForm("图片课" + slug, slug, "publish");
            form.Add(new("Cover", image.Url));
            await editor.PostAsync("/admin/content/Lesson/new", "/admin/content/Lesson/new", form);
        }

        var lesson = await FormClient.For(factory).GetStringAsync("/lessons/xiangying-tupian");
        var longLesson = await FormClient.For(factory).GetStringAsync("/lessons/siwei-daotu");
        var catalogue = await FormClient.For(factory).GetStringAsync("/lessons?sort=new");
        using var admin = await FormClient.SignedInAsync(factory, "admin", SiteFactory.AdminPassword);
        var health = await admin.GetStringAsync("/readyz");

        Assert.Contains($"src=\"{cover.Url}?profile=hero-small\" srcset=\"{cover.Url}?profile=hero-small 640w, {cover.Url}?profile=hero 1280w\"", lesson);
        Assert.Contains("width=\"1280\" height=\"720\"", lesson);
        Assert.Contains("decoding=\"async\"", lesson);
        Assert.Contains($"srcset=\"{cover.Url}?profile=card 480w, {cover.Url}?profile=card-2x 960w\"", catalogue);
        Assert.Contains($"href=\"{mindMap.Url}\" data-long-image", longLesson);
        Assert.Contains($"src=\"{mindMap.Url}?profile=long\"", longLesson);
        Assert.Contains("width=\"750\" height=\"3000\"", longLesson);
        Assert.Contains("/js/long-image.", longLesson);
        Assert.Contains("\"description\":\"libvips 8.", health);
    }

    private static async Task<(int, int)?> SizeOfAsync(FormClient client, string url, MediaType type)
    {
        var response = await client.Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        Assert.Equal(type.ContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(type, MediaSniffer.Detect(bytes));
        return ImageHeader.Read(bytes, type);
    }

    private static async Task<HttpResponseMessage> GetAsync(FormClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await client.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> RangeAsync(FormClient client, string url, long from, long to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(from, to);
        return await client.Http.SendAsync(request);
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

public sealed class SqliteMediaServingTests(MediaSiteHost<Sqlite> host) : MediaServingTests<Sqlite>(host);

public sealed class PostgresMediaServingTests(MediaSiteHost<Postgres> host) : MediaServingTests<Postgres>(host);
