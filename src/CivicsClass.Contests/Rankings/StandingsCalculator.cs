using CivicsClass.Content.Parts;
using CivicsClass.Contests.Contests;

namespace CivicsClass.Contests.Rankings;

/// <summary>Ranks every organisation of a tree from its own members and entrants and those of the organisations under it.</summary>
internal static class StandingsCalculator
{
    public static IReadOnlyList<GroupStanding> Rank(
        IReadOnlyList<TaxonomyTerm> roots, IReadOnlyDictionary<string, long> members, IReadOnlyDictionary<string, GroupFigures> figures,
        int elapsedDays, RankingWeights weights)
    {
        var rows = new List<GroupStanding>();
        (long Members, long Participants, double BestSum, long ActiveDays) Walk(TaxonomyTerm term, int depth)
        {
            var m = members.GetValueOrDefault(term.Id);
            var f = figures.GetValueOrDefault(term.Id) ?? new GroupFigures(0, 0, 0);
            var (p, s, d) = (f.Participants, f.BestSum, f.ActiveDays);
            int populated = 0, covered = 0;
            foreach (var child in term.Children)
            {
                var sub = Walk(child, depth + 1);
                (m, p, s, d) = (m + sub.Members, p + sub.Participants, s + sub.BestSum, d + sub.ActiveDays);
                populated += sub.Members > 0 ? 1 : 0;
                covered += sub.Participants > 0 ? 1 : 0;
            }

            if (m > 0)
            {
                var participation = (double)p / m;
                var coverage = populated > 0 ? (double)covered / populated : p > 0 ? 1 : 0;
                var average = p > 0 ? s / p : 0;
                var activity = Math.Min(1, (double)d / (m * (double)Math.Max(1, elapsedDays)));
                rows.Add(new GroupStanding(0, term.Id, term.Name, depth, m, p, participation, coverage, average, activity,
                    Score(weights, participation, coverage, average, activity)));
            }

            return (m, p, s, d);
        }

        foreach (var root in roots)
        {
            Walk(root, 0);
        }

        return rows
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Participation)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
    }

    public static double Score(RankingWeights weights, double participation, double coverage, double average, double activity) =>
        weights.Sum == 0
            ? 0
            : Math.Round(100.0 * (weights.Participation * participation + weights.Coverage * coverage + weights.Score * average + weights.Activity * activity) / weights.Sum, 2);
}
