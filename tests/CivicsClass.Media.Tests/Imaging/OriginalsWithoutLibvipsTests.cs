using System.Net;
using CivicsClass.Media.Tests.Library;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Media.Tests.Imaging;

public sealed class OriginalsWithoutLibvipsTests(WithoutLibvipsSiteHost host) : IClassFixture<WithoutLibvipsSiteHost>
{
    [Fact]
    public async Task WithoutLibvips_UploadsStillWork_ProfilesServeTheOriginal_AndHealthSaysSo()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "novips", "Editor"))["Editor"];
        var original = TestFiles.Png(900, 600);
        var upload = await MediaForms.UploadAsync(editor, ("novips.png", original));
        var bomb = await MediaForms.UploadAsync(editor, ("novips-bomb.png", TestFiles.PngHeader(30_000, 30_000)));
        var file = await MediaLibraryTests<Sqlite>.FileNamedAsync(factory, "novips.png");

        var card = await editor.Http.GetAsync($"{file.Url}?profile=card&format=webp");
        var unknown = await editor.Http.GetAsync($"{file.Url}?profile=huge");
        var health = await FormClient.For(factory).GetStringAsync("/readyz");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal((900, 600), (file.Width, file.Height));
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Equal("image/png", card.Content.Headers.ContentType?.MediaType);
        Assert.Equal(original, await card.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"status\":\"degraded\"", health);
        Assert.Contains("图片按原图提供", health);
        Assert.Contains("Media:ImageProcessor=none", health);
    }

    [Fact]
    public async Task WithoutLibvips_CutOffOrDamagedImages_AreStillRefused()
    {
        var factory = await host.GetAsync();
        var editor = (await AdminPeople.SignInAsync(factory, "novipscut", "Editor"))["Editor"];
        var damaged = TestFiles.Png(64, 64);
        damaged[60] ^= 0x10;

        var truncated = await MediaForms.UploadAsync(editor, ("novips-cut.jpg", TestFiles.TruncatedJpeg()));
        var corrupt = await MediaForms.UploadAsync(editor, ("novips-damaged.png", damaged));
        var whole = await MediaForms.UploadAsync(editor, ("novips-whole.jpg", TestFiles.Jpeg(64, 64)));

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("图片文件不完整或已损坏", await truncated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, whole.StatusCode);
    }
}
