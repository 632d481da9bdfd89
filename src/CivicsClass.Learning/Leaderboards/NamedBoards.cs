using CivicsClass.Content.Taxonomies;

namespace CivicsClass.Learning.Leaderboards;

internal static class NamedBoards
{
    /// <summary>
    /// A leaderboard by name — <c>people</c>, <c>organisations</c> or <c>regions</c> — with groups rolled
    /// up through their taxonomy's tree; null for an unknown board or period.
    /// </summary>
    public static async Task<Board?> BoardAsync(this LeaderboardReader boards, ITermTrees terms, string board, string period, bool perMember, int take, long? me) =>
        board switch
        {
            "people" => await boards.PeopleAsync(period, take, me),
            "organisations" => await boards.GroupsAsync(GroupKind.Organisation, period, await terms.RootsAsync("Organisation"), perMember, take, me),
            "regions" => await boards.GroupsAsync(GroupKind.Region, period, await terms.RootsAsync("Region"), perMember, take, me),
            _ => null,
        };
}
