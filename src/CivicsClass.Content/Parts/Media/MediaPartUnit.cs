using CivicsClass.Content.Items;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Parts;

internal sealed class MediaPartUnit : IPartCard, IPartDisplay, IPartSeedMapper
{
    public string PartName => nameof(MediaPart);

    public IReadOnlyCollection<string> Keys { get; } = ["cover"];

    public void Describe(ContentItem item, CardFacts card) => card.Cover = item.Get<MediaPart>(PartName)?.Cover;

    public Task DisplayAsync(PartDisplayContext context)
    {
        context.Display.Set(new GalleryDisplay(context.Item.Part<MediaPart>().Gallery));
        return Task.CompletedTask;
    }

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        context.Item.Apply(new MediaPart { Cover = SeedValues.Scalar(context.File, value, line) });
        return Task.CompletedTask;
    }
}
