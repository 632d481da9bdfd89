using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial.Recipes;

/// <summary>Recipes in and out: import a recipe file (all or nothing), export chosen types and their items as a recipe that imports elsewhere.</summary>
[RequirePermission(EditorialPermissions.ImportExport)]
internal sealed class RecipesController(ContentDefinitionManager definitions, IContentManager content, RecipeExecutor recipes) : EditorialAdminControllerBase
{
    public const long MaxRecipeBytes = 20 * 1024 * 1024;

    [HttpGet]
    public async Task<IActionResult> Index() => View(await ModelAsync(new FormErrors(), (string?)TempData["Message"]));

    [HttpPost]
    [RequestSizeLimit(MaxRecipeBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? recipe)
    {
        var errors = new FormErrors();
        if (recipe is null || recipe.Length == 0)
        {
            errors.Add("recipe", "请选择一个配方文件（JSON）。");
        }
        else if (recipe.Length > MaxRecipeBytes)
        {
            errors.Add("recipe", $"配方文件不能超过 {MaxRecipeBytes / 1024 / 1024} MB。");
        }
        else
        {
            using var reader = new StreamReader(recipe.OpenReadStream(), Encoding.UTF8);
            try
            {
                await recipes.ExecuteAsync(await reader.ReadToEndAsync(), Path.GetFileName(recipe.FileName));
                TempData["Message"] = $"配方“{Path.GetFileName(recipe.FileName)}”已导入。";
                return LocalRedirect("/admin/recipes");
            }
            catch (RecipeException e)
            {
                foreach (var error in e.Errors.Take(50))
                {
                    errors.Add("recipe", error.ToString());
                }
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ModelAsync(errors, "配方没有导入，网站内容没有任何改动。"));
    }

    [HttpPost]
    public async Task<IActionResult> Export([FromForm] string[] types, [FromForm] bool includeItems)
    {
        var chosen = (await definitions.ListTypesAsync()).Where(t => types.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            var errors = new FormErrors();
            errors.Add("types", "请至少选择一种内容类型。");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(errors, null));
        }

        var steps = new JsonArray
        {
            new JsonObject { ["Name"] = "ContentDefinition", ["ContentTypes"] = JsonSerializer.SerializeToNode(chosen.Select(TypeNode).ToList(), DocumentJson.Options) },
        };
        if (includeItems)
        {
            var items = new JsonArray();
            foreach (var type in chosen)
            {
                for (var skip = 0; ; skip += 500)
                {
                    var page = await content.QueryAsync(new ContentQuery { ContentType = type.Name, Skip = skip, Take = 500, IncludeTotal = false, OrderBy = ContentOrder.CreatedDescending });
                    foreach (var item in page.Items)
                    {
                        items.Add(new JsonObject
                        {
                            ["ContentItemId"] = item.ContentItemId,
                            ["ContentType"] = item.ContentType,
                            ["Published"] = true,
                            ["Content"] = item.Content.DeepClone(),
                        });
                    }

                    if (page.Items.Count < 500)
                    {
                        break;
                    }
                }
            }

            steps.Add(new JsonObject { ["Name"] = "Content", ["Items"] = items });
        }

        var recipe = new JsonObject
        {
            ["Name"] = "export",
            ["DisplayName"] = "导出：" + string.Join("、", chosen.Select(t => t.DisplayName)),
            ["Steps"] = steps,
        };
        var bytes = Encoding.UTF8.GetBytes(recipe.ToJsonString(new JsonSerializerOptions(DocumentJson.Options) { WriteIndented = true }));
        return File(bytes, "application/json", $"civics-class-export-{DateTime.UtcNow:yyyyMMdd}.recipe.json");
    }

    private static object TypeNode(ContentTypeDefinition t) => new { t.Name, t.DisplayName, t.Description, t.Creatable, t.Authoring, t.Studied, t.CheckIn, t.Parts, t.Fields };

    private async Task<RecipesViewModel> ModelAsync(FormErrors errors, string? message) =>
        new("导入导出", (await definitions.ListTypesAsync()).Where(t => t.Creatable).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TypeLink(t.Name, t.DisplayName)).ToList(), errors, message);
}
