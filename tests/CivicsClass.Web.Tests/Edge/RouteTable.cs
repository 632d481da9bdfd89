using System.Reflection;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CivicsClass.Web.Tests.Edge;

/// <summary>
/// One address to try: a route of the site's table with its parameters filled (<see cref="Path"/>; <see cref="Template"/>
/// has <c>{0}</c> where the first parameter goes), the query or form names its code reads, and whether it is a static file.
/// </summary>
public sealed record RouteTarget(string Method, string Path, string? Template, IReadOnlyList<string> Names, bool IsStatic)
{
    /// <summary>Names pages and the API read from the query string beside their own parameters.</summary>
    public static readonly string[] CommonNames = ["q", "type", "theme", "region", "industry", "audience", "format", "length", "sort", "page", "size", "category", "returnUrl", "code", "status"];
}

/// <summary>
/// Every route of the running site (its <see cref="EndpointDataSource"/>), filled with real items of the
/// demo content where a parameter names one, so a request reaches the code behind the route.
/// </summary>
public static class RouteTable
{
    public static async Task<IReadOnlyList<RouteTarget>> ReadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var sample = new Dictionary<string, ContentItem>();
        foreach (var type in new[] { "Lesson", "Course", "Lecturer", "Venue", "Topic", "Event" })
        {
            sample[type] = (await content.QueryAsync(new ContentQuery { ContentType = type, Take = 1, IncludeTotal = false })).Items[0];
        }

        var targets = new List<RouteTarget>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = endpoint.RoutePattern;
            var names = Parameters(endpoint).Where(n => pattern.GetParameter(n) is null).ToList();
            var isStatic = endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
            foreach (var path in Fill(pattern, sample))
            {
                var template = pattern.Parameters.Count == 0 || pattern.GetParameter("section") is not null ? null : Fill(pattern, sample, first: "{0}").Single();
                targets.AddRange(methods.Where(m => m is "GET" or "POST").Select(m => new RouteTarget(m, path, template, names, isStatic)));
            }
        }

        return targets;
    }

    private static IEnumerable<string> Parameters(Endpoint endpoint)
    {
        var method = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.MethodInfo ?? endpoint.Metadata.GetMetadata<MethodInfo>();
        return method?.GetParameters().Where(p => p.ParameterType == typeof(string) || p.ParameterType.IsValueType).Select(p => p.Name!) ?? [];
    }

    /// <summary>The paths of a route: one per content section for the content pages, one otherwise.</summary>
    private static IEnumerable<string> Fill(RoutePattern pattern, Dictionary<string, ContentItem> sample, string? first = null)
    {
        if (pattern.Parameters.Any(p => p.Name == "section"))
        {
            return sample.Values.Select(item => "/" + item.Part<AutoroutePart>().Path);
        }

        var lesson = sample["Lesson"].ContentItemId;
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when first is not null && parameter == pattern.Parameters[0] => first,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(Value(parameter, lesson)),
            _ => "",
        })));
        return ["/" + string.Join('/', segments)];
    }

    private static string Value(RoutePatternParameterPart parameter, string lesson) => parameter.Name switch
    {
        _ when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => parameter.Name == "code" ? "404" : "1",
        "type" => "Lesson",
        "alias" => "Theme",
        "name" => "Worker",
        "board" => "week",
        "key" or "code" => "fuzz-missing",
        _ => lesson,
    };
}
