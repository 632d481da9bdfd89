using System.Text.Json.Nodes;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;

namespace CivicsClass.Content.Recipes.Steps;

/// <summary>
/// Creates taxonomies and adds missing terms, matched by name, so re-running adds nothing twice:
/// <c>{ "Name": "Taxonomies", "Taxonomies": [{ "Alias": "Theme", "DisplayName": "主题", "Terms": ["…", { "Name": "…", "Children": [...] }] }] }</c>.
/// </summary>
internal sealed class TaxonomiesStep(IContentManager contentManager, ContentDefinitionManager definitions, TaxonomyService taxonomies) : IRecipeStep
{
    public string Name => "Taxonomies";

    public void Validate(JsonObject step, RecipeValidation validation)
    {
        var list = validation.RequireArray(step, "Taxonomies", "");
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var path = $".Taxonomies[{i}]";
            if (list[i] is not JsonObject taxonomy)
            {
                validation.Error(path, "应是对象");
                continue;
            }

            validation.RequireString(taxonomy, "Alias", path, identifier: true);
            validation.RequireString(taxonomy, "DisplayName", path);
            var terms = validation.RequireArray(taxonomy, "Terms", path);
            if (terms is not null)
            {
                ValidateTerms(terms, path + ".Terms", validation);
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeStepContext context)
    {
        await EnsureTaxonomyTypeAsync();
        foreach (var node in step["Taxonomies"]!.AsArray().OfType<JsonObject>())
        {
            var alias = node["Alias"]!.GetValue<string>();
            var displayName = node["DisplayName"]!.GetValue<string>();
            var existing = await taxonomies.GetTaxonomyAsync(alias, context.Session);
            var item = existing ?? await contentManager.NewAsync(TaxonomyService.ContentType);
            var part = item.Part<TaxonomyPart>();
            var changed = Merge(alias, part.Terms, node["Terms"]!.AsArray());
            if (existing is not null && !changed && item.DisplayText == displayName)
            {
                continue;
            }

            item.Apply(new TitlePart { Title = displayName });
            item.Apply(new AliasPart { Alias = alias });
            item.Apply(part);
            var saved = existing is null
                ? await contentManager.CreateAsync(item)
                : await contentManager.UpdateAsync(item);
            await contentManager.PublishAsync(saved);
            taxonomies.Forget(alias);
        }
    }

    private static bool Merge(string alias, List<TaxonomyTerm> terms, JsonArray incoming)
    {
        var changed = false;
        foreach (var node in incoming)
        {
            var name = (node is JsonObject o ? o["Name"]!.GetValue<string>() : node!.GetValue<string>()).Trim();
            var term = terms.FirstOrDefault(t => t.Name == name);
            if (term is null)
            {
                term = new TaxonomyTerm { Id = TaxonomyService.TermId(alias, name), Name = name };
                terms.Add(term);
                changed = true;
            }

            if (node is JsonObject { } withChildren && withChildren["Children"] is JsonArray children)
            {
                changed |= Merge(alias, term.Children, children);
            }
        }

        return changed;
    }

    private static void ValidateTerms(JsonArray terms, string path, RecipeValidation validation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < terms.Count; t++)
        {
            var termPath = $"{path}[{t}]";
            string? name = null;
            if (terms[t] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                name = text;
            }
            else if (terms[t] is JsonObject term)
            {
                name = validation.RequireString(term, "Name", termPath);
                if (term["Children"] is JsonArray children)
                {
                    ValidateTerms(children, termPath + ".Children", validation);
                }
                else if (term.ContainsKey("Children"))
                {
                    validation.Error(termPath + ".Children", "应是数组");
                }

                if (name is null)
                {
                    continue;
                }
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                validation.Error(termPath, "词条应是非空名称，或带 Name 的对象");
            }
            else if (!names.Add(name.Trim()))
            {
                validation.Error(termPath, $"词条 '{name}' 出现了两次");
            }
        }
    }

    private async Task EnsureTaxonomyTypeAsync()
    {
        if (await definitions.GetTypeAsync(TaxonomyService.ContentType) is not null)
        {
            return;
        }

        await definitions.SaveTypeAsync(new ContentTypeDefinition
        {
            Name = TaxonomyService.ContentType,
            DisplayName = "分类",
            Creatable = false,
            Parts = [new() { Name = nameof(TitlePart) }, new() { Name = nameof(AliasPart) }, new() { Name = nameof(TaxonomyPart) }],
        });
    }
}
