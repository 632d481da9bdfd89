using System.Text.Json;
using System.Text.Json.Nodes;
using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Recipes.Steps;

/// <summary>Creates roles or sets their permissions: <c>{ "Name": "Roles", "Roles": [{ "Name", "DisplayName", "Permissions" }] }</c>.</summary>
internal sealed class RolesStep(RoleCatalog catalog) : IRecipeStep
{
    public string Name => "Roles";

    public void Validate(JsonObject step, RecipeValidation validation)
    {
        var roles = validation.RequireArray(step, "Roles", "");
        for (var i = 0; roles is not null && i < roles.Count; i++)
        {
            var path = $".Roles[{i}]";
            if (roles[i] is not JsonObject role)
            {
                validation.Error(path, "应是对象");
                continue;
            }

            validation.RequireString(role, "Name", path, identifier: true);
            validation.RequireString(role, "DisplayName", path);
            if (role["Permissions"] is not null && validation.Bind<List<string>>(role["Permissions"]!, path + ".Permissions") is null)
            {
                validation.Error(path + ".Permissions", "应是权限名组成的数组");
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeStepContext context)
    {
        var existing = (await context.Session.GetAllAsync<Role>()).ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var node in step["Roles"]!.AsArray())
        {
            var incoming = node.Deserialize<Role>(DocumentJson.Options)!;
            if (existing.TryGetValue(incoming.Name, out var role))
            {
                role.DisplayName = incoming.DisplayName;
                role.Description = incoming.Description;
                role.Permissions = incoming.Permissions.Distinct().ToList();
            }
            else
            {
                role = incoming;
            }

            await context.Session.SaveAsync(role);
        }

        context.Session.OnCommitted(catalog.ClearAsync);
    }
}
