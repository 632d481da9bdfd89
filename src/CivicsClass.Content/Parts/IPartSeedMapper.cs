using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Parts;

/// <summary>How a part is filled from a seed file: from the front-matter keys it claims, and from the file as a whole (its body, its slug).</summary>
internal interface IPartSeedMapper : IContentPartUnit
{
    /// <summary>Front-matter keys this part reads, lower case.</summary>
    IReadOnlyCollection<string> Keys { get; }

    Task MapAsync(PartSeedContext context, string key, YamlNode value, int line);

    /// <summary>Called once per file for a part the type has, before its keys.</summary>
    Task MapFileAsync(PartSeedContext context) => Task.CompletedTask;
}
