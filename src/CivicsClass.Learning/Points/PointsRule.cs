using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.Points;

/// <summary>
/// What one activity earns: points, a daily cap, and the settings of the condition the server checks
/// before paying (a minimum study time, a pass mark, how long a check-in code lives …).
/// </summary>
public sealed class PointsRule : Document
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Description { get; set; }
    public int Points { get; set; }

    /// <summary>The most this activity pays in one study day; none when empty.</summary>
    public int? DailyCap { get; set; }
    public bool Enabled { get; set; } = true;
    public Dictionary<string, double> Settings { get; set; } = [];

    public double Setting(string name, double fallback) => Settings.TryGetValue(name, out var value) ? value : fallback;
}
