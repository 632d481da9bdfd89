using System.Text.Json.Nodes;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Data.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YamlDotNet.RepresentationModel;

namespace CivicsClass.Content.Seeds;

/// <summary>
/// Imports a folder of Markdown seed files. Each file is its own unit of work, so a file with an
/// error is reported with its path and line while the rest still import. Items that others point
/// at are imported first; importing the same folder again changes only what changed.
/// </summary>
public sealed class SeedImporter(IServiceScopeFactory scopes, ContentDefinitionCache definitionCache, ILogger<SeedImporter> logger)
{
    public async Task<SeedImportReport> ImportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var report = new SeedImportReport();
        if (!Directory.Exists(directory))
        {
            report.Errors.Add(new SeedError(directory, 0, "找不到种子目录。"));
            return report;
        }

        var types = await definitionCache.GetAsync(cancellationToken);
        var parsed = new List<(FrontMatterFile File, ContentTypeDefinition Type, string Slug)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            try
            {
                var file = FrontMatterFile.Parse(relative, await File.ReadAllTextAsync(path, cancellationToken));
                parsed.Add((file, ResolveType(file, types), ResolveSlug(file)));
            }
            catch (SeedException exception)
            {
                report.Errors.Add(new SeedError(exception.Path, exception.Line, exception.Message));
            }
        }

        var order = DependencyOrder(types.Values);
        foreach (var (file, type, slug) in parsed.OrderBy(p => order.IndexOf(p.Type.Name)).ThenBy(p => p.File.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var changed = await ImportFileAsync(file, type, slug);
                var counts = changed ? report.Imported : report.Unchanged;
                counts[type.Name] = counts.GetValueOrDefault(type.Name) + 1;
            }
            catch (SeedException exception)
            {
                report.Errors.Add(new SeedError(exception.Path, exception.Line, exception.Message));
            }
            catch (ContentValidationException exception)
            {
                report.Errors.Add(new SeedError(file.Path, 1, string.Join(" ", exception.Errors.Select(e => e.Message))));
            }
        }

        foreach (var error in report.Errors)
        {
            logger.LogWarning("Seed not imported: {Error}", error);
        }

        logger.LogInformation("Seeds from {Directory}: {Report}", directory, report);
        return report;
    }

    private async Task<bool> ImportFileAsync(FrontMatterFile file, ContentTypeDefinition type, string slug)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<ISession>();
        var contentManager = services.GetRequiredService<IContentManager>();
        var mapper = ActivatorUtilities.CreateInstance<SeedMapper>(services);

        var (item, publish) = await mapper.MapAsync(file, type, slug);
        var existing = await contentManager.GetAsync(item.ContentItemId, VersionOptions.Latest);
        if (existing is not null && JsonNode.DeepEquals(WithoutDerivedFields(existing.Content, type), WithoutDerivedFields(item.Content, type)) && existing.Published == publish
            && (item.PublishedUtc is null || existing.PublishedUtc == item.PublishedUtc))
        {
            return false;
        }

        ContentItem saved;
        if (existing is null)
        {
            saved = await contentManager.CreateAsync(item);
        }
        else
        {
            existing.Content = item.Content;
            saved = await contentManager.UpdateAsync(existing);
        }

        if (publish)
        {
            saved.PublishedUtc = item.PublishedUtc ?? saved.PublishedUtc;
            await contentManager.PublishAsync(saved);
        }

        await session.SaveChangesAsync();
        return true;
    }

    /// <summary>The content as a seed file can say it: fields the platform derives on save (a lesson's format) are left out of the comparison.</summary>
    private static JsonObject WithoutDerivedFields(JsonObject content, ContentTypeDefinition type)
    {
        var copy = content.DeepClone().AsObject();
        if (copy[type.Name] is JsonObject fields)
        {
            foreach (var field in type.Fields.Where(f => f.Settings.Derived))
            {
                fields.Remove(field.Name);
            }
        }

        return copy;
    }

    private static ContentTypeDefinition ResolveType(FrontMatterFile file, IReadOnlyDictionary<string, ContentTypeDefinition> types)
    {
        var node = file["type"] as YamlScalarNode
            ?? throw new SeedException(file.Path, 2, "缺少 type（内容类型，例如 Lesson）。");
        return types.Values.FirstOrDefault(t => string.Equals(t.Name, node.Value, StringComparison.OrdinalIgnoreCase))
            ?? throw new SeedException(file.Path, FrontMatterFile.LineOf(node), $"未知的内容类型“{node.Value}”。");
    }

    private static string ResolveSlug(FrontMatterFile file)
    {
        var node = file["slug"] as YamlScalarNode;
        var slug = node?.Value?.Trim();
        return string.IsNullOrEmpty(slug)
            ? throw new SeedException(file.Path, 2, "缺少 slug（地址中的名字）。")
            : slug;
    }

    /// <summary>Types ordered so that what a type points at (picker targets, list children) comes before it.</summary>
    private static List<string> DependencyOrder(IEnumerable<ContentTypeDefinition> types)
    {
        var all = types.OrderBy(t => t.Name, StringComparer.Ordinal).ToDictionary(t => t.Name);
        var order = new List<string>();
        var visiting = new HashSet<string>();
        void Visit(string name)
        {
            if (order.Contains(name) || !all.TryGetValue(name, out var type) || !visiting.Add(name))
            {
                return;
            }

            var targets = type.Fields.SelectMany(f => f.Settings.AllowedTypes ?? [])
                .Concat(type.Part(nameof(ListPart))?.Settings.ContainedTypes ?? []);
            foreach (var target in targets.Where(t => t != name))
            {
                Visit(target);
            }

            order.Add(name);
        }

        foreach (var name in all.Keys)
        {
            Visit(name);
        }

        return order;
    }
}
