using Dapper;

namespace CivicsClass.Content.Items;

/// <summary>Turns a <see cref="ContentQuery"/> into a parameterised condition on <c>content_item_index i</c>.</summary>
internal static class ContentQuerySql
{
    public static (string Where, DynamicParameters Parameters) Build(ContentQuery query, Data.Dialects.ISqlDialect dialect)
    {
        var scope = query.Latest ? "latest" : "published";
        var conditions = new List<string> { $"i.{scope} = TRUE" };
        var parameters = new DynamicParameters();
        if (query.ContentType is not null)
        {
            conditions.Add("i.content_type = @contentType");
            parameters.Add("contentType", query.ContentType);
        }

        if (query.ContentTypes is { Count: > 0 })
        {
            conditions.Add(dialect.InList("i.content_type", "contentTypes"));
            parameters.Add("contentTypes", query.ContentTypes.ToArray());
        }

        if (query.Status is { } status)
        {
            conditions.Add("i.status = @status");
            parameters.Add("status", status.ToString());
        }

        if (query.Owner is not null)
        {
            conditions.Add("i.owner = @owner");
            parameters.Add("owner", query.Owner);
        }

        for (var n = 0; n < query.TermIds.Count; n++)
        {
            // Uncorrelated, so the database reads the term's rows once instead of once per candidate.
            conditions.Add($"i.document_id IN (SELECT t{n}.document_id FROM content_term_index t{n} WHERE t{n}.term_id = @term{n} AND t{n}.{scope} = TRUE)");
            parameters.Add($"term{n}", query.TermIds[n]);
        }

        if (query.ContainerId is not null)
        {
            conditions.Add($"i.content_item_id IN (SELECT r.target_id FROM content_reference_index r WHERE r.content_item_id = @containerId AND r.field = 'ListPart' AND r.{scope} = TRUE)");
            parameters.Add("containerId", query.ContainerId);
        }

        if (query.ReferencedId is not null)
        {
            var field = query.ReferenceField is null ? "" : " AND r.field = @referenceField";
            conditions.Add($"i.document_id IN (SELECT r.document_id FROM content_reference_index r WHERE r.target_id = @referencedId{field} AND r.{scope} = TRUE)");
            parameters.Add("referencedId", query.ReferencedId);
            parameters.Add("referenceField", query.ReferenceField);
        }

        return (string.Join(" AND ", conditions), parameters);
    }

    public static string OrderBy(ContentQuery query) => query.OrderBy switch
    {
        ContentOrder.ModifiedDescending => "i.modified_utc DESC, i.document_id DESC",
        ContentOrder.CreatedDescending => "i.created_utc DESC, i.document_id DESC",
        ContentOrder.TitleAscending => "i.display_text, i.document_id",
        ContentOrder.ContainerPosition when query.ContainerId is not null =>
            $"(SELECT MIN(r.position) FROM content_reference_index r WHERE r.content_item_id = @containerId AND r.field = 'ListPart' AND r.target_id = i.content_item_id AND r.{(query.Latest ? "latest" : "published")} = TRUE)",
        _ => "i.published_utc DESC, i.document_id DESC",
    };
}
