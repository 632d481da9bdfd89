namespace CivicsClass.Content.Reports;

/// <summary>What people searched for and did not find, most asked first: search keeps the log, editors read it to plan lessons.</summary>
public interface ISearchMissReport
{
    Task<IReadOnlyList<SearchMiss>> TopAsync(int take);
}
