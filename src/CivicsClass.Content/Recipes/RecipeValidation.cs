using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Recipes;

/// <summary>Collects errors for the step being checked, with small helpers for common shapes.</summary>
public sealed partial class RecipeValidation
{
    private readonly List<RecipeError> _errors = [];

    internal int StepIndex { get; set; }
    internal string? StepName { get; set; }
    internal string StepPath => $"$.Steps[{StepIndex}]";

    /// <summary>Content types the recipe defines in earlier steps, plus those the site already has.</summary>
    public HashSet<string> KnownContentTypes { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<RecipeError> Errors => _errors;

    public void Error(string relativePath, string reason) =>
        _errors.Add(new RecipeError(StepIndex, StepName, StepPath + relativePath, reason));

    internal void RootError(string path, string reason) => _errors.Add(new RecipeError(null, null, path, reason));

    public JsonArray? RequireArray(JsonObject node, string property, string path)
    {
        if (node[property] is JsonArray array)
        {
            return array;
        }

        Error($"{path}.{property}", node.ContainsKey(property) ? "应是数组" : "必须填写");
        return null;
    }

    public string? RequireString(JsonObject node, string property, string path, bool identifier = false)
    {
        if (node[property] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            if (identifier && !IdentifierPattern().IsMatch(text))
            {
                Error($"{path}.{property}", $"'{text}' 应以英文字母开头，只含字母和数字");
            }

            return text;
        }

        Error($"{path}.{property}", node.ContainsKey(property) ? "应是非空字符串" : "必须填写");
        return null;
    }

    /// <summary>Checks that a node binds to <typeparamref name="T"/>, reporting the JSON path of a wrong value.</summary>
    public T? Bind<T>(JsonNode node, string path) where T : class
    {
        try
        {
            return node.Deserialize<T>(DocumentJson.Options);
        }
        catch (JsonException exception)
        {
            var inner = exception.Path is { Length: > 1 } p ? p[1..] : "";
            Error(path + inner, "值的类型不对：" + exception.Message.Split(" Path:")[0]);
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex IdentifierPattern();
}
