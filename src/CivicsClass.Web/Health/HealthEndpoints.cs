using CivicsClass.Data.Dialects;
using CivicsClass.Media.Imaging;

namespace CivicsClass.Web.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync).WithName("Health").WithSummary("The database answers; which image library resizes images.").ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(ISqlDialect dialect, IImageProcessor images, CancellationToken cancellationToken)
    {
        try
        {
            if (await dialect.IsReachableAsync(cancellationToken))
            {
                return TypedResults.Ok(new { status = "healthy", database = dialect.Name, images = images.Description, imagesResized = images.IsAvailable });
            }
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            // Reported below as unavailable.
        }

        return TypedResults.Json(new { status = "unhealthy", database = dialect.Name, error = "数据库暂时无法连接。", images = images.Description, imagesResized = images.IsAvailable }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
