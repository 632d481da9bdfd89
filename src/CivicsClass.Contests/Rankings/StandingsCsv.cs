using System.Globalization;
using System.Text;

namespace CivicsClass.Contests.Rankings;

/// <summary>Standings as CSV for the awards: one row per organisation, figures as plain numbers.</summary>
internal static class StandingsCsv
{
    public static string Write(IReadOnlyList<GroupStanding> rows)
    {
        var csv = new StringBuilder("名次,组织,层级,会员数,参与人数,参与率,下级覆盖率,平均最好成绩,活跃度,综合得分\r\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Rank},{Quote(r.Name)},{r.Depth},{r.Members},{r.Participants},{r.Participation:0.####},{r.Coverage:0.####},{r.AverageBest:0.####},{r.Activity:0.####},{r.Score:0.##}\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Quotes a name, and keeps one that starts like a formula from being run by a spreadsheet.</summary>
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return $"\"{safe.Replace("\"", "\"\"")}\"";
    }
}
