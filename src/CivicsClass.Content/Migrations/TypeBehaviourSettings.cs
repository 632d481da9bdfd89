using System.Text.Json.Nodes;
using CivicsClass.Content.Definitions;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using Dapper;

namespace CivicsClass.Content.Migrations;

/// <summary>
/// Sites set up before types carried their own behaviour kept it in code by type name: lessons were
/// written by lecturers and studied for points, topics were curated, events and venues took check-ins.
/// This step writes exactly that into the stored definitions once; from then on only the settings count.
/// </summary>
internal static class TypeBehaviourSettings
{
    private static readonly Dictionary<string, (TypeAuthoring? Authoring, bool Studied, CheckInKind? CheckIn)> s_former = new(StringComparer.Ordinal)
    {
        ["Lesson"] = (TypeAuthoring.Authors, true, null),
        ["Topic"] = (TypeAuthoring.Curators, false, null),
        ["Event"] = (null, false, CheckInKind.AroundStart),
        ["Venue"] = (null, false, CheckInKind.Anytime),
    };

    public static async Task ApplyAsync(MigrationContext context)
    {
        var rows = await context.Connection.QueryAsync<(long Id, string Content)>(
            "SELECT id, content FROM document WHERE type = @type", new { type = nameof(ContentTypeDefinition) }, context.Transaction);
        foreach (var (id, content) in rows)
        {
            if (JsonNode.Parse(content) is not JsonObject type || type["Name"]?.GetValue<string>() is not { } name
                || !s_former.TryGetValue(name, out var former))
            {
                continue;
            }

            if (former.Authoring is { } authoring)
            {
                type[nameof(ContentTypeDefinition.Authoring)] = authoring.ToString();
            }

            if (former.Studied)
            {
                type[nameof(ContentTypeDefinition.Studied)] = true;
            }

            if (former.CheckIn is { } checkIn)
            {
                type[nameof(ContentTypeDefinition.CheckIn)] = checkIn.ToString();
            }

            await context.Connection.ExecuteAsync("UPDATE document SET content = @content, version = version + 1 WHERE id = @id",
                new { id, content = type.ToJsonString(DocumentJson.Options) }, context.Transaction);
        }
    }
}
