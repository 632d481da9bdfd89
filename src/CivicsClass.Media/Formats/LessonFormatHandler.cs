using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Handlers;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using CivicsClass.Media.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Formats;

/// <summary>
/// Sets a derived <c>Format</c> field on every save, before the version is written, from the item's player
/// and images: an uploaded image at least <see cref="MediaOptions.LongImageRatio"/> times taller than wide
/// (its cover or in its gallery) makes a 长图. What a form or a seed file said is replaced.
/// </summary>
internal sealed class LessonFormatHandler(ContentDefinitionManager definitions, IOptions<MediaOptions> options) : IContentHandler
{
    public async Task ValidatingAsync(ValidateContentContext context)
    {
        var item = context.ContentItem;
        if (await definitions.GetTypeAsync(item.ContentType) is not { } type
            || !type.Fields.Any(f => f.Name == LessonFormats.FieldName && f.Settings.Derived))
        {
            return;
        }

        var media = item.Get<MediaPart>(nameof(MediaPart));
        var keys = new[] { media?.Cover }.Concat(media?.Gallery ?? []).Select(MediaKey.FromUrl).OfType<string>().Distinct().ToArray();
        var hasLongImage = keys.Length > 0 && await AnyLongAsync(context.Session, keys);
        item.SetField(LessonFormats.FieldName, new TextField { Text = LessonFormats.Derive(item.Get<MediaPlayerPart>(nameof(MediaPlayerPart)), hasLongImage) });
    }

    private async Task<bool> AnyLongAsync(ISession session, string[] keys)
    {
        var sql = $"SELECT width, height FROM media_file WHERE {session.Dialect.InList("media_key", "keys")}";
        var (connection, transaction) = await session.GetConnectionAsync();
        var sizes = await connection.QueryAsync<SizeRow>(sql, new { keys }, transaction);
        return sizes.Any(s => s.Width > 0 && s.Height >= s.Width * options.Value.LongImageRatio);
    }

    private sealed class SizeRow
    {
        public int? Width { get; set; }
        public int? Height { get; set; }
    }
}
