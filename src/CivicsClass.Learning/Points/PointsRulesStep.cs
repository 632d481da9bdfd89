using System.Text.Json;
using System.Text.Json.Nodes;
using CivicsClass.Content.Recipes;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.Points;

/// <summary>
/// Sets the points rules: <c>{ "Name": "PointsRules", "Rules": [{ "Name": "StudyText", "DisplayName",
/// "Points", "DailyCap", "Settings": { "MinSeconds": 30 } }] }</c>. A rule already present is updated.
/// </summary>
internal sealed class PointsRulesStep(PointsRuleStore rules) : IRecipeStep
{
    public string Name => "PointsRules";

    public void Validate(JsonObject step, RecipeValidation validation)
    {
        var list = validation.RequireArray(step, "Rules", "");
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var path = $".Rules[{i}]";
            if (list[i] is not JsonObject node)
            {
                validation.Error(path, "must be an object");
                continue;
            }

            validation.RequireString(node, "Name", path, identifier: true);
            validation.RequireString(node, "DisplayName", path);
            var rule = validation.Bind<PointsRule>(node, path);
            if (rule is null)
            {
                continue;
            }

            foreach (var (field, reason) in PointsRuleStore.Validate(rule))
            {
                validation.Error($"{path}.{field}", reason);
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeStepContext context)
    {
        var existing = (await context.Session.GetAllAsync<PointsRule>()).ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var node in step["Rules"]!.AsArray())
        {
            var incoming = node.Deserialize<PointsRule>(DocumentJson.Options)!;
            if (existing.TryGetValue(incoming.Name, out var rule))
            {
                rule.DisplayName = incoming.DisplayName;
                rule.Description = incoming.Description;
                rule.Points = incoming.Points;
                rule.DailyCap = incoming.DailyCap;
                rule.Enabled = incoming.Enabled;
                rule.Settings = incoming.Settings;
            }
            else
            {
                rule = incoming;
            }

            await rules.SaveAsync(context.Session, rule);
        }
    }
}
