namespace CivicsClass.Theme.Models;

// The contest pages: the list, a contest with its map and standings, a round under the timer and its result.

public sealed record ContestCardRow(string Title, string Url, string? Summary, DateTime StartsUtc, DateTime EndsUtc, bool Running);

public sealed record ContestListViewModel(PageMeta Meta, IReadOnlyList<ContestCardRow> Contests) : PageViewModel(Meta);

/// <summary>A map point: its number, venue, state (<c>lit</c>, <c>open</c>, <c>locked</c>) and the day it opens.</summary>
public sealed record ContestMapRow(int Number, string Name, string? Url, string State, DateTime OpensUtc);

/// <summary>A place in the standings: <paramref name="Figure"/> is what it is ranked by, already formatted.</summary>
public sealed record ContestRankRow(int Rank, string Name, string Figure, bool Mine);

public sealed record ContestRules(int Questions, int Seconds, int AttemptsPerDay, int PassMark, DateTime StartsUtc, DateTime EndsUtc);

public sealed record ContestPageViewModel(
    PageMeta Meta, string Slug, string Title, string? Summary, string BodyHtml, ContestRules Rules, bool Running, bool SignedIn,
    int AttemptsLeft, string? OpenRoundUrl, string MapSvg, IReadOnlyList<ContestMapRow> Map, int Lit, string? CertificateUrl,
    IReadOnlyList<ContestRankRow> People, ContestRankRow? MyPlace, IReadOnlyList<ContestRankRow> Organisations, ContestRankRow? MyOrganisation,
    string? Message, string? LiveFinalUrl = null) : PageViewModel(Meta);

public sealed record ContestQuestionRow(int Number, string Question, IReadOnlyList<string> Options, int? Answered);

public sealed record ContestRoundViewModel(PageMeta Meta, string RoundId, string ContestTitle, string ContestUrl, int SecondsLeft, int Attempt,
    IReadOnlyList<ContestQuestionRow> Questions) : PageViewModel(Meta);

public sealed record ContestGradedRow(int Number, string Question, string? Chosen, string Answer, bool Right, string? Explanation);

public sealed record ContestResultViewModel(PageMeta Meta, string ContestTitle, string ContestUrl, int Correct, int Total, bool Passed, int Points,
    string? LitVenue, string? CertificateUrl, bool Voided, IReadOnlyList<ContestGradedRow> Questions) : PageViewModel(Meta);
