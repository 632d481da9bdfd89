namespace CivicsClass.Contests.Live;

/// <summary>
/// What every screen of a room shows at one moment, the same for all: the stage, the question on screen
/// (its right option only once its time is up), how many answered, and the teams in order.
/// </summary>
internal sealed record LiveSnapshot(
    string Room, string Contest, string Stage, int Number, int Total, string? Question, IReadOnlyList<string>? Options, int Seconds,
    DateTime? Deadline, int? Answer, int Answers, int Players, IReadOnlyList<LiveTeamScore> Teams);
