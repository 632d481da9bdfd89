namespace CivicsClass.Web.Api;

public static class ApiModule
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CivicsClass API";
            document.Info.Description = "中国工人大思政课移动端接口";
            return Task.CompletedTask;
        }));
        services.AddProblemDetails();
        return services;
    }

    /// <summary><c>/api/v1</c> for the mobile app, described at <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var v1 = endpoints.MapGroup("/api/v1");
        v1.MapContentApi();
        v1.MapSearchApi();
        return endpoints;
    }
}
