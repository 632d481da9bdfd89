
using System.Text.Json.Nodes;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Recipes.Steps;

/// <summary>
/// Creates or updates content items by their <c>ContentItemId</c>:
/// <c>{ "Name": "Content", "Items": [{ "ContentItemId", "ContentType", "Published": true, "Content": {...} }] }</c>.
/// An item whose content is unchanged is left alone, so re-running adds no version.
/// </summary>
internal sealed class ContentStep(IContentManager contentManager) : IRecipeStep
{
    public string Name => "Content";

    public void Validate(JsonObject step, RecipeValidation validation)
    {
        var items = validation.RequireArray(step, "Items", "");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var path = $".Items[{i}]";
            if (items[i] is not JsonObject item)
            {
                validation.Error(path, "应是对象");
                continue;
            }

            var id = validation.RequireString(item, "ContentItemId", path);
            var type = validation.RequireString(item, "ContentType", path);
            if (type is not null && !validation.KnownContentTypes.Contains(type))
            {
                validation.Error(path + ".ContentType", $"'{type}' 不是本配方或网站定义的内容类型");
            }

            if (id is not null && !ids.Add(id))
            {
                validation.Error(path + ".ContentItemId", $"'{id}' 出现了两次");
            }

            if (item["Content"] is not JsonObject)
            {
                validation.Error(path + ".Content", item.ContainsKey("Content") ? "应是由部件组成的对象" : "必须填写");
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeStepContext context)
    {
        foreach (var node in step["Items"]!.AsArray().OfType<JsonObject>())
        {
            var id = node["ContentItemId"]!.GetValue<string>();
            var publish = node["Published"] is JsonValue p && p.TryGetValue<bool>(out var b) && b;
            var content = (JsonObject)node["Content"]!.DeepClone();
            var existing = await contentManager.GetAsync(id, VersionOptions.Latest);
            if (existing is not null && JsonNode.DeepEquals(existing.Content, content) && existing.Published == publish)
            {
                continue;
            }

            ContentItem saved;
            if (existing is null)
            {
                var item = await contentManager.NewAsync(node["ContentType"]!.GetValue<string>());
                item.ContentItemId = id;
                item.Content = content;
                saved = await contentManager.CreateAsync(item);
            }
            else
            {
                existing.Content = content;
                saved = await contentManager.UpdateAsync(existing);
            }

            if (publish)
            {
                await contentManager.PublishAsync(saved);
            }
        }
    }

}
