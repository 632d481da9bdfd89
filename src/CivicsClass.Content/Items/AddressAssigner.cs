using CivicsClass.Content.Definitions;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Items;

/// <summary>
/// Gives an item with an address but no name in it one made from its title (安源路矿工人大罢工 →
/// <c>anyuan-lukuang-gongren-da-bagong</c>), numbered when taken (<c>…-2</c>). A name typed by hand is kept.
/// </summary>
internal sealed class AddressAssigner(ISlugGenerator slugs, ISession session)
{
    public async Task AssignAsync(ContentItem item, ContentTypeDefinition type)
    {
        if (type.Part(nameof(AutoroutePart)) is not { } route || item.Get<AutoroutePart>(nameof(AutoroutePart)) is { Path.Length: > 0 })
        {
            return;
        }

        var slug = slugs.FromTitle(item.DisplayText);
        if (slug.Length == 0)
        {
            return; // nothing to make one from: the validator asks for it
        }

        var prefix = route.Settings.Prefix?.Trim('/');
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? slug : $"{slug}-{n}";
            var path = string.IsNullOrEmpty(prefix) ? name : $"{prefix}/{name}";
            if (!await ContentItemValidator.IsPathTakenAsync(session, path, item.ContentItemId))
            {
                item.Apply(new AutoroutePart { Path = path });
                return;
            }
        }
    }
}
