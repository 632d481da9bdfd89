using System.Text.Json;
using CivicsClass.Contests.Rounds;

namespace CivicsClass.Contests.Live;

/// <summary>
/// A live final's room as stored: the teams (organisation ids), the questions drawn when it opened, the
/// question on screen (<see cref="Position"/>, 0 before the first) and when the server pushed it.
/// </summary>
internal sealed class LiveRoom
{
    public const string Columns = """
        id AS Id, contest_id AS ContestId, teams AS TeamsJson, questions AS QuestionsJson, question_seconds AS QuestionSeconds,
        position AS Position, pushed_utc AS PushedUtc, finished_utc AS FinishedUtc, version AS Version, opened_by AS OpenedBy, opened_utc AS OpenedUtc
        """;

    public string Id { get; set; } = "";
    public string ContestId { get; set; } = "";
    public string TeamsJson { get; set; } = "[]";
    public string QuestionsJson { get; set; } = "[]";
    public int QuestionSeconds { get; set; }
    public int Position { get; set; }
    public DateTime? PushedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public int Version { get; set; }
    public long OpenedBy { get; set; }
    public DateTime OpenedUtc { get; set; }

    public IReadOnlyList<string> Teams => JsonSerializer.Deserialize<List<string>>(TeamsJson) ?? [];

    public IReadOnlyList<DrawnQuestion> Questions => JsonSerializer.Deserialize<List<DrawnQuestion>>(QuestionsJson) ?? [];

    public DateTime? Pushed => PushedUtc is { } pushed ? DateTime.SpecifyKind(pushed, DateTimeKind.Utc) : null;

    /// <summary>The moment the question on screen stops taking answers.</summary>
    public DateTime? Deadline => Pushed?.AddSeconds(QuestionSeconds);

    public LiveStage Stage(DateTime now) =>
        FinishedUtc is not null ? LiveStage.Finished
        : Position == 0 ? LiveStage.Lobby
        : now > Deadline ? LiveStage.Closed
        : LiveStage.Question;
}
