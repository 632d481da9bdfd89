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

        if (!string.IsNullOrWhiteSpace(query.TitleContains))
        {
            // LIKE wildcards typed by a person are matched literally.
            var escaped = query.TitleContains.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            conditions.Add("LOWER(i.display_text) LIKE @title ESCAPE '\\'");
            parameters.Add("title", $"%{escaped}%");
        }

        for (var n = 0; n < query.TermIds.Count; n++)
        {
            // Uncorrelated, so the database reads the term's rows once instead of once per candidate.
            conditions.Add($"i.document_id IN (SELECT t{n}.document_id FROM content_term_index t{n} WHERE t{n}.term_id = @term{n} AND t{n}.{scope} = TRUE)");
            parameters.Add($"term{n}", query.TermIds[n]);
        }

        for (var n = 0; n < query.Fields.Count; n++)
        {
            var filter = query.Fields[n];
            var parts = new List<string> { $"f{n}.field = @field{n}", $"f{n}.{scope} = TRUE" };
            parameters.Add($"field{n}", filter.Field);
            if (filter.Texts.Count > 0)
            {
                parts.Add(dialect.InList($"f{n}.text_value", $"texts{n}"));
                parameters.Add($"texts{n}", filter.Texts.ToArray());
            }

            AddBound(parts, parameters, $"f{n}.number_value >= @min{n}", $"min{n}", filter.Minimum);
            AddBound(parts, parameters, $"f{n}.number_value <= @max{n}", $"max{n}", filter.Maximum);
            AddBound(parts, parameters, $"f{n}.date_value >= @from{n}", $"from{n}", filter.From);
            AddBound(parts, parameters, $"f{n}.date_value <= @until{n}", $"until{n}", filter.Until);
            conditions.Add($"i.document_id IN (SELECT f{n}.document_id FROM content_field_index f{n} WHERE {string.Join(" AND ", parts)})");
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

        if (query.OrderField is not null)
        {
            parameters.Add("orderField", query.OrderField);
        }

        return (string.Join(" AND ", conditions), parameters);
    }

    private static void AddBound(List<string> parts, DynamicParameters parameters, string condition, string name, object? value)
    {
        if (value is not null)
        {
            parts.Add(condition);
            parameters.Add(name, value is DateTime time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : value);
        }
    }

    public static string OrderBy(ContentQuery query, Data.Dialects.ISqlDialect dialect) => query.OrderBy switch
    {
        ContentOrder.NumberFieldAscending when query.OrderField is not null =>
            $"(SELECT MIN(o.number_value) FROM content_field_index o WHERE o.document_id = i.document_id AND o.field = @orderField) NULLS LAST, i.published_utc DESC NULLS LAST, i.document_id DESC",
        ContentOrder.DateFieldAscending when query.OrderField is not null =>
            $"(SELECT MIN(o.date_value) FROM content_field_index o WHERE o.document_id = i.document_id AND o.field = @orderField) NULLS LAST, i.document_id",
        ContentOrder.DateFieldDescending when query.OrderField is not null =>
            $"(SELECT MAX(o.date_value) FROM content_field_index o WHERE o.document_id = i.document_id AND o.field = @orderField) DESC NULLS LAST, i.document_id DESC",
        ContentOrder.MetricDescending when query.OrderField is not null =>
            "COALESCE((SELECT m.value FROM content_metric m WHERE m.content_item_id = i.content_item_id AND m.metric = @orderField), 0) DESC, i.published_utc DESC, i.document_id DESC",
        ContentOrder.ModifiedDescending => "i.modified_utc DESC, i.document_id DESC",
        ContentOrder.CreatedDescending => "i.created_utc DESC, i.document_id DESC",
        ContentOrder.TitleAscending => $"{dialect.BinaryText("i.display_text")}, i.document_id",
        ContentOrder.ContainerPosition when query.ContainerId is not null =>
            $"(SELECT MIN(r.position) FROM content_reference_index r WHERE r.content_item_id = @containerId AND r.field = 'ListPart' AND r.target_id = i.content_item_id AND r.{(query.Latest ? "latest" : "published")} = TRUE)",
        // Published versions always have a publication time; drafts may not, and the two databases
        // would put them at opposite ends, hence NULLS LAST (which costs the index order) only there.
        _ => query.Latest ? "i.published_utc DESC NULLS LAST, i.document_id DESC" : "i.published_utc DESC, i.document_id DESC",
    };
}
