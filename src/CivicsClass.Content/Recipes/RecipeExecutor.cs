using System.Text.Json;
using System.Text.Json.Nodes;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Content.Recipes;

/// <summary>
/// Runs a recipe in one unit of work: parse, validate every step, then execute them in order and
/// commit. A recipe that is malformed, or whose content fails validation while it runs, is refused
/// as a whole with a <see cref="RecipeException"/>, and the database is left as it was.
/// </summary>
public sealed class RecipeExecutor(
    ISession session,
    IEnumerable<IRecipeStep> steps,
    ContentDefinitionManager definitions,
    TimeProvider clock,
    ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public async Task ExecuteFileAsync(string path, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path), cancellationToken);

    public async Task ExecuteAsync(string json, string source, CancellationToken cancellationToken = default)
    {
        var recipe = Parse(json);
        await ValidateAsync(recipe);

        var list = (JsonArray)recipe["Steps"]!;
        for (var i = 0; i < list.Count; i++)
        {
            var step = (JsonObject)list[i]!;
            var name = step["Name"]!.GetValue<string>();
            logger.LogInformation("Recipe {Source}: step {Index} {Name}", source, i, name);
            try
            {
                await _steps[name].ExecuteAsync(step, new RecipeStepContext(session, $"$.Steps[{i}]"));
            }
            catch (ContentValidationException exception)
            {
                throw new RecipeException(exception.Errors.Select(e => new RecipeError(i, name, $"$.Steps[{i}]", $"{e.Member}: {e.Message}")).ToList());
            }
            catch (RecipeStepException exception)
            {
                throw new RecipeException([new RecipeError(i, name, exception.Path, exception.Message)]);
            }
        }

        await session.SaveAsync(new RecipeExecution
        {
            Name = recipe["Name"]?.GetValue<string>() ?? source,
            Source = source,
            ExecutedUtc = clock.GetUtcNow().UtcDateTime,
        }, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new RecipeException([new RecipeError(null, null, "$", "配方必须是一个 JSON 对象")]);
        }
        catch (JsonException exception)
        {
            throw new RecipeException([new RecipeError(null, null, exception.Path ?? "$",
                $"不是有效的 JSON（第 {exception.LineNumber + 1} 行，第 {exception.BytePositionInLine + 1} 个字节）：{exception.Message.Split(" Path:")[0]}")]);
        }
    }

    private async Task ValidateAsync(JsonObject recipe)
    {
        var validation = new RecipeValidation();
        foreach (var type in await definitions.ListTypesAsync())
        {
            validation.KnownContentTypes.Add(type.Name);
        }

        if (recipe["Steps"] is not JsonArray list)
        {
            validation.RootError("$.Steps", recipe.ContainsKey("Steps") ? "应是数组" : "必须填写");
            throw new RecipeException(validation.Errors);
        }

        for (var i = 0; i < list.Count; i++)
        {
            validation.StepIndex = i;
            validation.StepName = null;
            if (list[i] is not JsonObject step)
            {
                validation.Error("", "每一步必须是一个 JSON 对象");
                continue;
            }

            var name = (step["Name"] as JsonValue)?.TryGetValue<string>(out var n) == true ? n : null;
            if (name is null || !_steps.TryGetValue(name, out var handler))
            {
                validation.Error(".Name", name is null
                    ? "必须填写"
                    : $"没有名为 '{name}' 的步骤；可用的步骤：{string.Join(", ", _steps.Keys.Order())}");
                continue;
            }

            validation.StepName = name;
            handler.Validate(step, validation);
        }

        if (validation.Errors.Count > 0)
        {
            throw new RecipeException(validation.Errors);
        }
    }
}

/// <summary>A step found, while running, something validation could not see (e.g. a missing reference).</summary>
internal sealed class RecipeStepException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}

internal sealed class RecipeExecution : Document
{
    public string Name { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime ExecutedUtc { get; set; }
}
