using CivicsClass.Content.Reports;

namespace CivicsClass.Search.Querying;

/// <summary>The search log's misses for other modules, so none of them reads the log's table.</summary>
internal sealed class SearchMissReport(SearchService search) : ISearchMissReport
{
    public async Task<IReadOnlyList<SearchMiss>> TopAsync(int take) =>
        (await search.MissesAsync(take)).Select(m => new SearchMiss(m.Query, m.Times)).ToList();
}
