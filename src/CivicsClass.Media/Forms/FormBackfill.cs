using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicsClass.Media.Forms;

/// <summary>
/// Queues a kind of form for every published item that may have it, when no item has one yet: the first
/// start after the form was added to a site whose content was published before. Later publishes queue
/// their own jobs through <see cref="LessonFormsHandler"/>.
/// </summary>
internal sealed class FormBackfill(IServiceScopeFactory scopes, FormJobStore jobs, TimeProvider clock, ILogger<FormBackfill> logger)
{
    private const int PageSize = 200;

    /// <summary>Returns how many jobs were queued.</summary>
    public async Task<int> RunAsync(ILessonFormGenerator generator, CancellationToken cancellationToken)
    {
        if (generator.ContentTypes.Count == 0 || await jobs.AnyAsync(generator.Kind, cancellationToken))
        {
            return 0;
        }

        var queued = 0;
        for (var skip = 0; !cancellationToken.IsCancellationRequested; skip += PageSize)
        {
            await using var scope = scopes.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery
            {
                ContentTypes = generator.ContentTypes, OrderBy = ContentOrder.PublishedDescending, Skip = skip, Take = PageSize, IncludeTotal = false,
            });
            var session = scope.ServiceProvider.GetRequiredService<ISession>();
            foreach (var item in page.Items)
            {
                if (generator.SourceHash(item) is { } hash)
                {
                    await jobs.EnqueueAsync(session, item.ContentItemId, generator.Kind, hash, clock.GetUtcNow().UtcDateTime);
                    queued++;
                }
            }

            await session.SaveChangesAsync(cancellationToken);
            if (page.Items.Count < PageSize)
            {
                break;
            }
        }

        if (queued > 0)
        {
            logger.LogInformation("Queued the {Kind} of {Count} items published before it existed", generator.Kind, queued);
        }

        return queued;
    }
}
