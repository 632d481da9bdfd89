using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Learning.Points;

/// <summary>Administrators set what each activity pays, its daily cap and its condition's settings.</summary>
[RequirePermission(Permissions.ManagePointsRules)]
public sealed class PointsRulesController(PointsRuleStore rules, ISession session) : LearningAdminControllerBase
{
    private const string Title = "积分规则";

    [HttpGet]
    public async Task<IActionResult> Index() => View(await ModelAsync((string?)TempData["Message"], new Dictionary<string, string>()));

    /// <summary>Saves one rule; a refused value is explained beside its field and nothing is saved.</summary>
    [HttpPost]
    public async Task<IActionResult> Save(string name, [FromForm] string? displayName, [FromForm] string? description, [FromForm] string? points,
        [FromForm] string? dailyCap, [FromForm] bool enabled, IFormCollection form)
    {
        var rule = (await session.GetAllAsync<PointsRule>()).FirstOrDefault(r => r.Name == name);
        if (rule is null)
        {
            return NotFound();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var edited = new PointsRule
        {
            Name = name, DisplayName = displayName?.Trim() ?? "", Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(), Enabled = enabled,
        };
        if (!int.TryParse(points, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors["Points"] = "积分须是整数";
        }

        edited.Points = value;
        if (!string.IsNullOrWhiteSpace(dailyCap))
        {
            if (int.TryParse(dailyCap, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cap))
            {
                edited.DailyCap = cap;
            }
            else
            {
                errors["DailyCap"] = "每日上限须是整数，或留空表示不设上限";
            }
        }

        foreach (var setting in Activities.Settings.GetValueOrDefault(name, []))
        {
            var raw = form["s:" + setting].ToString();
            if (raw.Length == 0)
            {
                continue;
            }

            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                edited.Settings[setting] = number;
            }
            else
            {
                errors["Settings." + setting] = "须是数字";
            }
        }

        foreach (var (field, problem) in PointsRuleStore.Validate(edited))
        {
            errors.TryAdd(field, problem);
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync($"“{rule.DisplayName}”没有保存，请按提示修改。", errors.ToDictionary(e => $"{name}.{e.Key}", e => e.Value)));
        }

        (rule.DisplayName, rule.Description, rule.Points, rule.DailyCap, rule.Enabled, rule.Settings) =
            (edited.DisplayName, edited.Description, edited.Points, edited.DailyCap, edited.Enabled, edited.Settings);
        await rules.SaveAsync(session, rule);
        await session.SaveChangesAsync();
        TempData["Message"] = $"已保存“{rule.DisplayName}”。新规则从下一次得分起生效，已得的积分不变。";
        return LocalRedirect("/admin/points");
    }

    private async Task<PointsRulesViewModel> ModelAsync(string? message, IReadOnlyDictionary<string, string> errors) =>
        new(Title, (await session.GetAllAsync<PointsRule>()).Select(r => new PointsRuleRow(r.Name, r.DisplayName, r.Description, r.Points, r.DailyCap, r.Enabled,
            Activities.Settings.GetValueOrDefault(r.Name, []).Select(s => new PointsSettingRow(s, r.Settings.TryGetValue(s, out var v) ? v : null)).ToList())).ToList(),
            message, errors);
}
