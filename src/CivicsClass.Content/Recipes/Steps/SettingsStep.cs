using System.Text.Json.Nodes;
using CivicsClass.Content.Settings;

namespace CivicsClass.Content.Recipes.Steps;

/// <summary>Merges named settings sections: <c>{ "Name": "Settings", "Settings": { "Site": {...} } }</c>.</summary>
internal sealed class SettingsStep(SiteSettingsStore store) : IRecipeStep
{
    public string Name => "Settings";

    public void Validate(JsonObject step, RecipeValidation validation)
    {
        if (step["Settings"] is not JsonObject sections)
        {
            validation.Error(".Settings", step.ContainsKey("Settings") ? "应是由命名设置节组成的对象" : "必须填写");
            return;
        }

        foreach (var (name, value) in sections)
        {
            if (value is not JsonObject)
            {
                validation.Error($".Settings.{name}", "设置节应是对象");
            }
        }
    }

    public Task ExecuteAsync(JsonObject step, RecipeStepContext context) =>
        store.MergeAsync(context.Session, step["Settings"]!.AsObject());
}
