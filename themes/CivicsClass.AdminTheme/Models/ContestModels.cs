namespace CivicsClass.AdminTheme.Models;

// Contest standings for editors: every contest, and one contest's organisations, regions, people and rounds.

public sealed record ContestLinkRow(string Id, string Title, string Period, bool Running);

public sealed record ContestIndexViewModel(string Title, IReadOnlyList<ContestLinkRow> Contests);

public sealed record GroupStandingRow(int Rank, string Name, int Depth, long Members, long Participants, string Participation, string Coverage,
    string AverageBest, string Activity, string Score);

public sealed record PersonStandingRow(int Rank, long UserId, string Name, int BestCorrect, string BestRatio, int Lit, int Rounds);

public sealed record ContestRoundRow(string Id, long UserId, string Person, string When, string Score, int Points, bool Voided, string? VoidReason);

public sealed record ContestStandingsViewModel(string Title, string Id, string Weights, IReadOnlyList<GroupStandingRow> Organisations,
    IReadOnlyList<GroupStandingRow> Regions, IReadOnlyList<PersonStandingRow> People, IReadOnlyList<ContestRoundRow> Rounds,
    string? Message, string? Error);
