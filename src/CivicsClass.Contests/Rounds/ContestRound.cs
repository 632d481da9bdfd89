using System.Text.Json;

namespace CivicsClass.Contests.Rounds;

/// <summary>A round as stored: who, when, the questions drawn and, once finished, its grade, points and the map point it lit.</summary>
internal sealed class ContestRound
{
    public const string Columns = """
        id AS Id, contest_id AS ContestId, user_id AS UserId, study_day AS StudyDay, attempt AS Attempt, started_utc AS StartedUtc,
        deadline_utc AS DeadlineUtc, questions AS QuestionsJson, total AS Total, finished_utc AS FinishedUtc, correct AS Correct, passed AS Passed,
        points AS Points, entry_id AS EntryId, lit_point AS LitPoint, voided_utc AS VoidedUtc, void_reason AS VoidReason
        """;

    public string Id { get; set; } = "";
    public string ContestId { get; set; } = "";
    public long UserId { get; set; }
    public int StudyDay { get; set; }
    public int Attempt { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime DeadlineUtc { get; set; }
    public string QuestionsJson { get; set; } = "[]";
    public int Total { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public int? Correct { get; set; }
    public bool? Passed { get; set; }
    public int? Points { get; set; }
    public long? EntryId { get; set; }
    public int? LitPoint { get; set; }
    public DateTime? VoidedUtc { get; set; }
    public string? VoidReason { get; set; }

    public IReadOnlyList<DrawnQuestion> Questions => JsonSerializer.Deserialize<List<DrawnQuestion>>(QuestionsJson) ?? [];

    public bool Finished => FinishedUtc is not null;

    public DateTime Deadline => DateTime.SpecifyKind(DeadlineUtc, DateTimeKind.Utc);
}
