using CivicsClass.Content.Parts;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Rankings;
using Xunit;

namespace CivicsClass.Contests.Tests.Rankings;

/// <summary>The organisation ranking against figures worked out by hand for a small tree.</summary>
public sealed class StandingsCalculatorTests
{
    // A province (A) with a city (B, two grassroots unions B1 and B2) and a second city (C), over five days, weights 40/20/30/10.
    private static readonly TaxonomyTerm Tree = new()
    {
        Id = "A", Name = "A省总工会",
        Children =
        [
            new() { Id = "B", Name = "B市总工会", Children = [new() { Id = "B1", Name = "B1企业工会" }, new() { Id = "B2", Name = "B2企业工会" }] },
            new() { Id = "C", Name = "C市总工会" },
        ],
    };

    private static readonly Dictionary<string, long> Members = new() { ["B1"] = 4, ["B2"] = 2, ["C"] = 4 };

    private static readonly Dictionary<string, GroupFigures> Figures = new()
    {
        ["B1"] = new GroupFigures(Participants: 2, BestSum: 0.8 + 0.7, ActiveDays: 3),
        ["C"] = new GroupFigures(Participants: 1, BestSum: 0.5, ActiveDays: 1),
    };

    [Fact]
    public void Rank_SmallTree_MatchesHandComputedFigures()
    {
        var rows = StandingsCalculator.Rank([Tree], Members, Figures, elapsedDays: 5, new RankingWeights(40, 20, 30, 10)).ToDictionary(r => r.Id);

        // B1: 2/4 took part, its own coverage 1, average best 0.75, 3 of 4×5 member-days: 40×.5 + 20×1 + 30×.75 + 10×.15 = 64
        Assert.Equal((0.5, 1.0, 0.75, 0.15, 64.0), Figures5(rows["B1"]));
        // B: 2/6, one of its two unions took part, 0.75, 3 of 6×5: 13.33 + 10 + 22.5 + 1 = 46.83
        Assert.Equal((Math.Round(1 / 3.0, 6), 0.5, 0.75, 0.1, 46.83), Figures5(rows["B"]));
        // C: 1/4, 1, 0.5, 1 of 4×5: 10 + 20 + 15 + 0.5 = 45.5
        Assert.Equal((0.25, 1.0, 0.5, 0.05, 45.5), Figures5(rows["C"]));
        // A: 3/10, both cities took part, 2/3, 4 of 10×5: 12 + 20 + 20 + 0.8 = 52.8
        Assert.Equal((0.3, 1.0, Math.Round(2 / 3.0, 6), 0.08, 52.8), Figures5(rows["A"]));
        Assert.Equal((0.0, 0.0, 0.0, 0.0, 0.0), Figures5(rows["B2"]));
        Assert.Equal(["B1", "A", "B", "C", "B2"], rows.Values.OrderBy(r => r.Rank).Select(r => r.Id));
        Assert.Equal(10, rows["A"].Members);
    }

    [Fact]
    public void Rank_WeightsChanged_ReordersByTheNewWeights()
    {
        var participationOnly = StandingsCalculator.Rank([Tree], Members, Figures, 5, new RankingWeights(100, 0, 0, 0));

        Assert.Equal(["B1", "B", "A", "C", "B2"], participationOnly.Select(r => r.Id));
        Assert.Equal(50.0, participationOnly[0].Score);
    }

    [Fact]
    public void Rank_OrganisationWithoutMembers_IsLeftOut()
    {
        var rows = StandingsCalculator.Rank([new TaxonomyTerm { Id = "E", Name = "空工会" }], Members, Figures, 5, new RankingWeights(40, 20, 30, 10));

        Assert.Empty(rows);
    }

    private static (double, double, double, double, double) Figures5(GroupStanding row) =>
        (Math.Round(row.Participation, 6), Math.Round(row.Coverage, 6), Math.Round(row.AverageBest, 6), Math.Round(row.Activity, 6), row.Score);
}
