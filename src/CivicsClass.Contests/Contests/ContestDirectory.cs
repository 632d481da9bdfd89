using CivicsClass.Content.Items;

namespace CivicsClass.Contests.Contests;

/// <summary>Published contests, by id or by address.</summary>
internal sealed class ContestDirectory(IContentManager contentManager)
{
    public async Task<Contest?> GetAsync(string id) =>
        await contentManager.GetAsync(id) is { ContentType: Contest.ContentType } item ? Contest.From(item) : null;

    public async Task<(Contest Contest, ContentItem Item)?> BySlugAsync(string slug) =>
        await contentManager.GetByPathAsync($"contests/{slug}") is { ContentType: Contest.ContentType } item ? (Contest.From(item), item) : null;

    public async Task<IReadOnlyList<Contest>> ListAsync(int take = 50) =>
        (await contentManager.QueryAsync(new ContentQuery { ContentType = Contest.ContentType, Take = take, IncludeTotal = false }))
            .Items.Select(Contest.From).ToList();
}
