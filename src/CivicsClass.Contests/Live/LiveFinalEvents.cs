using CivicsClass.Content.Security;
using CivicsClass.Learning.Study;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ISession = CivicsClass.Data.Documents.ISession;

namespace CivicsClass.Contests.Live;

/// <summary>The stream a room's screens listen to (<c>text/event-stream</c>): the phones of those who joined, and the editors' projector.</summary>
internal static class LiveFinalEvents
{
    public static IEndpointRouteBuilder MapLiveFinalEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/contests/live/{roomId}/events", StreamAsync).WithName("LiveFinalEvents").RequireAuthorization()
            .WithSummary("The room's state each time it changes: the question on screen, the time left on it and the teams' scores.")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<ServerSentEventsResult<string>, NotFound, ForbidHttpResult>> StreamAsync(
        string roomId, HttpContext context, LiveRoomStore store, LiveRoomFeed feed, IAuthorizationService authorization, ISession session)
    {
        if (roomId.Length > 32 || await store.GetAsync(roomId) is null)
        {
            return TypedResults.NotFound();
        }

        var joined = context.User.LearnerId() is { } me && await store.TeamOfAsync(roomId, me) is not null;
        if (!joined && !(await authorization.AuthorizeAsync(context.User, PermissionPolicy.For(Permissions.RunLiveFinals))).Succeeded)
        {
            return TypedResults.Forbid();
        }

        // A stream lasts the whole final: it must not hold the request's database connection, since the node's feed reads the room for every stream.
        await session.DisposeAsync();
        return TypedResults.ServerSentEvents(feed.WatchAsync(roomId, context.RequestAborted), eventType: "room");
    }
}
