using CivicsClass.Content.Handlers;
using CivicsClass.Media.Storage;

namespace CivicsClass.Media.Forms;

/// <summary>
/// Queues a job per form kind when an item is published, in the publish's own transaction, so a
/// publish that commits always has its jobs and one that rolls back has none. A form already made
/// from the same source is not queued again. A removed item's forms and their files go with it.
/// </summary>
internal sealed class LessonFormsHandler(IEnumerable<ILessonFormGenerator> generators, FormJobStore jobs, FormWorker worker, IMediaStore store, TimeProvider clock)
    : IContentHandler
{
    public async Task PublishedAsync(ContentContext context)
    {
        var queued = false;
        foreach (var generator in generators)
        {
            if (generator.SourceHash(context.ContentItem) is { } hash)
            {
                await jobs.EnqueueAsync(context.Session, context.ContentItem.ContentItemId, generator.Kind, hash, clock.GetUtcNow().UtcDateTime);
                queued = true;
            }
        }

        if (queued)
        {
            context.Session.OnCommitted(() =>
            {
                worker.RunNow();
                return Task.CompletedTask;
            });
        }
    }

    public async Task RemovedAsync(ContentContext context)
    {
        var keys = await jobs.RemoveAsync(context.Session, context.ContentItem.ContentItemId);
        if (keys.Count > 0)
        {
            context.Session.OnCommitted(() =>
            {
                foreach (var key in keys)
                {
                    store.Delete(key);
                }

                return Task.CompletedTask;
            });
        }
    }
}
