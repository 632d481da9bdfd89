using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Parts;

/// <summary>A venue's panoramas from its seed file; the media module adds the editor, which needs the library.</summary>
internal sealed class PanoramaPartUnit : IPartSeedMapper
{
    public string PartName => nameof(PanoramaPart);

    public IReadOnlyCollection<string> Keys { get; } = ["panorama"];

    /// <summary><c>panorama: { drawn: true, title: … }</c> for one the platform draws, or <c>{ image: /media/…, title: … }</c>.</summary>
    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        var file = context.File;
        string? Entry(string name) =>
            value is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(name), out var v) ? SeedValues.Scalar(file, v, line) : null;
        if (value is not YamlMappingNode)
        {
            throw new SeedException(file.Path, line, "panorama 应写成 { drawn: true, title: … } 或 { image: /media/…, title: … }。");
        }

        var drawn = Entry("drawn") is { } flag && (bool.TryParse(flag, out var d) ? d : throw new SeedException(file.Path, line, "panorama 的 drawn 应是 true 或 false。"));
        var image = Entry("image");
        if (drawn == (image is not null))
        {
            throw new SeedException(file.Path, line, "panorama 需要 image（媒体库地址）或 drawn: true，二者选一。");
        }

        context.Item.Apply(new PanoramaPart { Panoramas = [new Panorama { Image = image, Drawn = drawn, Title = Entry("title") }] });
        return Task.CompletedTask;
    }
}
