using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Handlers;

/// <summary>
/// Reacts to content events without the content engine knowing the reactor (search indexing,
/// cache eviction, sitemaps, points). Events run inside the unit of work, so a handler's own writes
/// commit or roll back with the content change. A handler that throws after the change is logged
/// and does not undo it; durable follow-up work belongs in a queue table written here.
/// </summary>
public interface IContentHandler
{
    Task ValidatingAsync(ValidateContentContext context) => Task.CompletedTask;
    Task CreatedAsync(ContentContext context) => Task.CompletedTask;
    Task UpdatedAsync(ContentContext context) => Task.CompletedTask;
    Task PublishedAsync(ContentContext context) => Task.CompletedTask;
    Task UnpublishedAsync(ContentContext context) => Task.CompletedTask;
    Task RemovedAsync(ContentContext context) => Task.CompletedTask;
}

public record ContentContext(ContentItem ContentItem, ISession Session);

public sealed record ValidateContentContext(ContentItem ContentItem, ISession Session, ContentValidationResult Result)
    : ContentContext(ContentItem, Session);
