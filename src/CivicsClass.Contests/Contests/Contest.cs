using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Learning.Study;

namespace CivicsClass.Contests.Contests;

/// <summary>
/// A published <c>Contest</c> item read into the rules a round follows. Missing numbers take the
/// defaults of a typical union contest (10 questions in 10 minutes, three rounds a day).
/// </summary>
internal sealed record Contest(
    string Id,
    string Title,
    string Path,
    string? Summary,
    DateTime StartsUtc,
    DateTime EndsUtc,
    IReadOnlyList<string> OrganisationIds,
    int QuestionsPerRound,
    int RoundSeconds,
    int AttemptsPerDay,
    int PassMark,
    IReadOnlyList<string> MapVenueIds,
    int DaysPerPoint,
    RankingWeights Weights,
    bool LiveFinal = false,
    int? CompletionScore = null)
{
    public const string ContentType = "Contest";

    public bool IsRunning(DateTime utc) => utc >= StartsUtc && utc <= EndsUtc;

    public int StartDay => StudyCalendar.Day(StartsUtc);

    public static Contest From(ContentItem item)
    {
        int Number(string field, int fallback, int min, int max) =>
            item.Field<NumericField>(field)?.Value is { } value ? (int)Math.Clamp(value, min, max) : fallback;
        var questions = Number("QuestionsPerRound", 10, 1, 50);
        return new Contest(
            item.ContentItemId,
            item.DisplayText,
            "/" + item.Part<AutoroutePart>().Path,
            item.Get<SummaryPart>(nameof(SummaryPart))?.Summary,
            item.Field<DateTimeField>("StartsAt")?.Value ?? DateTime.MinValue,
            item.Field<DateTimeField>("EndsAt")?.Value ?? DateTime.MinValue,
            item.Field<TaxonomyField>("Organisations")?.TermIds ?? [],
            questions,
            Number("RoundSeconds", 600, 30, 3600),
            Number("AttemptsPerDay", 3, 1, 20),
            Math.Min(questions, Number("PassMark", (int)Math.Ceiling(questions * 0.6), 1, 50)),
            item.Field<ContentPickerField>("MapVenues")?.ContentItemIds ?? [],
            Number("DaysPerPoint", 1, 1, 60),
            new RankingWeights(
                Number("WeightParticipation", 40, 0, 100),
                Number("WeightCoverage", 20, 0, 100),
                Number("WeightScore", 30, 0, 100),
                Number("WeightActivity", 10, 0, 100)),
            item.Field<BooleanField>("LiveFinal")?.Value == true,
            item.Field<NumericField>("CompletionScore")?.Value is { } score ? (int)Math.Clamp(score, 1, 50) : null);
    }
}
