using System.Net.Http.Headers;
using CivicsClass.Testing.Site;

namespace CivicsClass.Media.Tests;

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
