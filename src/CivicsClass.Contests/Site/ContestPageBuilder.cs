using System.Globalization;
using CivicsClass.Content.Items;
using CivicsClass.Content.Markdown;
using CivicsClass.Content.Parts;
using CivicsClass.Contests.Contests;
using CivicsClass.Contests.Live;
using CivicsClass.Contests.Map;
using CivicsClass.Contests.Rankings;
using CivicsClass.Contests.Rounds;
using CivicsClass.Learning.Leaderboards;
using CivicsClass.Learning.Study;
using CivicsClass.Theme.Models;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Contests.Site;

/// <summary>A contest's page for one person: the rules, what they may do now, their map, their place and their organisation's.</summary>
internal sealed class ContestPageBuilder(
    ISession session, RoundStore rounds, LiveRoomStore liveRooms, ContestMap map, StandingsReader standings, LearningProgress progress, MarkdownRenderer markdown, TimeProvider clock)
{
    private const int BoardSize = 10;

    public async Task<ContestPageViewModel> BuildAsync(Contest contest, ContentItem item, long? me, string? message)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = StudyCalendar.Day(now);
        var lit = me is { } user ? await rounds.LitAsync(contest.Id, user) : new HashSet<int>();
        var points = await map.PointsAsync(contest, lit, today);
        int attemptsLeft = 0;
        string? openRound = null, certificate = null;
        if (me is { } person)
        {
            attemptsLeft = Math.Max(0, contest.AttemptsPerDay - (await rounds.DayAsync(contest.Id, person, today)).Count);
            openRound = await rounds.OpenAsync(contest.Id, person) is { } open && open.Deadline >= now ? $"/contests/rounds/{open.Id}" : null;
            certificate = (await progress.CertificatesAsync(person)).FirstOrDefault(c => c.CourseId == contest.Id && c.Kind == RoundService.CertificateKind) is { } c
                ? $"/certificates/{c.Code}" : null;
        }

        var (people, mine) = await standings.PeopleAsync(contest, BoardSize, me);
        var organisations = await standings.GroupsAsync(contest, GroupKind.Organisation);
        var myOrganisationId = me is { } m ? (await Learners.GetAsync(session, m))?.OrganisationId : null;
        var myOrganisation = organisations.FirstOrDefault(o => o.Id == myOrganisationId);
        var live = contest.LiveFinal && (await liveRooms.ForContestAsync(contest.Id, 1)).FirstOrDefault() is { FinishedUtc: null } room
            ? $"/contests/live/{room.Id}" : null;
        return new ContestPageViewModel(
            new PageMeta(contest.Title, contest.Summary, contest.Path),
            item.Part<AutoroutePart>().Path["contests/".Length..], contest.Title, contest.Summary,
            markdown.ToHtml(item.Part<MarkdownBodyPart>().Markdown),
            new ContestRules(contest.QuestionsPerRound, contest.RoundSeconds, contest.AttemptsPerDay, contest.PassMark, contest.StartsUtc, contest.EndsUtc),
            contest.IsRunning(now), me is not null, attemptsLeft, openRound,
            MapSvg.Render(points, contest.Title), points.Select(Row).ToList(), lit.Count, certificate,
            people.Select(Row).ToList(), mine is null ? null : Row(mine),
            organisations.Take(BoardSize).Select(o => Row(o, o.Id == myOrganisationId)).ToList(),
            myOrganisation is null ? null : Row(myOrganisation, true), message, live);
    }

    private static ContestMapRow Row(MapPoint point) =>
        new(point.Index + 1, point.Name, point.Url, point.State.ToString().ToLowerInvariant(), StudyCalendar.StartUtc(point.OpensDay));

    private static ContestRankRow Row(PersonStanding person) =>
        new(person.Rank, person.Name, person.BestRatio.ToString("P0", CultureInfo.InvariantCulture), person.Mine);

    private static ContestRankRow Row(GroupStanding group, bool mine) =>
        new(group.Rank, group.Name, group.Score.ToString("0.##", CultureInfo.InvariantCulture), mine);
}
