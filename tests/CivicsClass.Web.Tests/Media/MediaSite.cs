using System.Net.Http.Headers;
using CivicsClass.Testing;

namespace CivicsClass.Web.Tests.Media;

/// <summary>A seeded site whose images may be at most 2 MB, so an over-size upload is quick to make.</summary>
public sealed class MediaSiteHost<TProvider> : SiteHost<TProvider> where TProvider : IDatabaseProvider, new()
{
    public const long MaxImageBytes = 2 * 1024 * 1024;

    protected override SiteFactory CreateFactory(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Media:MaxImageBytes"] = MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}

/// <summary>Uploads through the library's form, as the page's file input sends them.</summary>
public static class MediaForms
{
    public static async Task<HttpResponseMessage> UploadAsync(FormClient client, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync("/admin/media");
        using var form = new MultipartFormDataContent { { new StringContent(FormClient.Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }

        return await client.Http.PostAsync("/admin/media/upload", form);
    }
}
