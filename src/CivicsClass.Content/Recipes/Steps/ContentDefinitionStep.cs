using System.Text.Json.Nodes;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Recipes.Steps;

/// <summary>Creates or replaces content type definitions: <c>{ "Name": "ContentDefinition", "ContentTypes": [...] }</c>.</summary>
internal sealed class ContentDefinitionStep(ContentDefinitionManager definitions, KnownParts parts) : IRecipeStep
{
    public string Name => "ContentDefinition";

    public void Validate(JsonObject step, RecipeValidation validation)
    {
        var types = validation.RequireArray(step, "ContentTypes", "");
        if (types is null)
        {
            return;
        }

        var declared = types.OfType<JsonObject>().Select(t => (t["Name"] as JsonValue)?.ToString()).OfType<string>().ToHashSet();
        for (var i = 0; i < types.Count; i++)
        {
            var path = $".ContentTypes[{i}]";
            if (types[i] is not JsonObject node)
            {
                validation.Error(path, "应是对象");
                continue;
            }

            var name = validation.RequireString(node, "Name", path, identifier: true);
            validation.RequireString(node, "DisplayName", path);
            var type = validation.Bind<ContentTypeDefinition>(node, path);
            if (name is null || type is null)
            {
                continue;
            }

            ValidateParts(type, path, validation);
            ValidateFields(type, path, declared, validation);
            validation.KnownContentTypes.Add(name);
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeStepContext context)
    {
        foreach (var node in step["ContentTypes"]!.AsArray())
        {
            var type = System.Text.Json.JsonSerializer.Deserialize<ContentTypeDefinition>(node, DocumentJson.Options)!;
            var existing = await definitions.GetTypeAsync(type.Name);
            if (existing is null || !SameDefinition(existing, type))
            {
                await definitions.SaveTypeAsync(type);
            }
        }
    }

    private static bool SameDefinition(ContentTypeDefinition a, ContentTypeDefinition b) =>
        System.Text.Json.JsonSerializer.Serialize(a, DocumentJson.Options) == System.Text.Json.JsonSerializer.Serialize(b, DocumentJson.Options);

    private void ValidateParts(ContentTypeDefinition type, string path, RecipeValidation validation)
    {
        for (var p = 0; p < type.Parts.Count; p++)
        {
            var part = type.Parts[p];
            if (!parts.Contains(part.Name))
            {
                validation.Error($"{path}.Parts[{p}].Name", $"没有名为 '{part.Name}' 的部件；可用的部件：{string.Join(", ", parts.All.Order(StringComparer.Ordinal))}");
            }
        }

        var duplicates = type.Parts.GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var duplicate in duplicates)
        {
            validation.Error($"{path}.Parts", $"部件 '{duplicate}' 重复列出");
        }
    }

    private static void ValidateFields(ContentTypeDefinition type, string path, HashSet<string> declared, RecipeValidation validation)
    {
        for (var f = 0; f < type.Fields.Count; f++)
        {
            var field = type.Fields[f];
            var fieldPath = $"{path}.Fields[{f}]";
            if (string.IsNullOrWhiteSpace(field.Name) || !char.IsLetter(field.Name[0]) || !field.Name.All(char.IsLetterOrDigit))
            {
                validation.Error($"{fieldPath}.Name", "必须填写，只含字母和数字");
            }

            if (!KnownFields.All.Contains(field.Type))
            {
                validation.Error($"{fieldPath}.Type", $"没有名为 '{field.Type}' 的字段类型；可用的类型：{string.Join(", ", KnownFields.All.Order())}");
            }

            if (field.Type == "TaxonomyField" && string.IsNullOrWhiteSpace(field.Settings.Taxonomy))
            {
                validation.Error($"{fieldPath}.Settings.Taxonomy", "分类词条字段必须指明所用的分类");
            }

            foreach (var allowed in field.Settings.AllowedTypes ?? [])
            {
                if (!declared.Contains(allowed) && !validation.KnownContentTypes.Contains(allowed))
                {
                    validation.Error($"{fieldPath}.Settings.AllowedTypes", $"'{allowed}' 不是本配方或网站定义的内容类型");
                }
            }

            if (field.Settings.Minimum > field.Settings.Maximum)
            {
                validation.Error($"{fieldPath}.Settings", "Minimum 大于 Maximum");
            }
        }

        foreach (var duplicate in type.Fields.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            validation.Error($"{path}.Fields", $"字段 '{duplicate}' 重复列出");
        }
    }
}
