using CivicsClass.Media.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CivicsClass.Media;

/// <summary>
/// Every address of the media library's admin pages, in one table. The controller carries no route of its own, so
/// these are all its addresses; each action's GET or POST says which requests it takes.
/// </summary>
internal static class MediaRoutes
{
    public static IEndpointRouteBuilder MapMediaAdmin(this IEndpointRouteBuilder endpoints)
    {
        const string library = "MediaLibrary";
        Admin(endpoints, "admin/media", library, nameof(MediaLibraryController.Index));
        Admin(endpoints, "admin/media/upload", library, nameof(MediaLibraryController.Upload));
        Admin(endpoints, "admin/media/picker", library, nameof(MediaLibraryController.Picker));
        Admin(endpoints, "admin/media/folders", library, nameof(MediaLibraryController.CreateFolder));
        Admin(endpoints, "admin/media/folders/{id:long}/delete", library, nameof(MediaLibraryController.DeleteFolder));
        Admin(endpoints, "admin/media/{key}/rename", library, nameof(MediaLibraryController.Rename));
        Admin(endpoints, "admin/media/{key}/move", library, nameof(MediaLibraryController.Move));
        Admin(endpoints, "admin/media/{key}/delete", library, nameof(MediaLibraryController.Delete));
        return endpoints;
    }

    private static void Admin(IEndpointRouteBuilder endpoints, string pattern, string controller, string action) =>
        endpoints.MapAreaControllerRoute($"media-admin:{controller}.{action}", "Admin", pattern, new { controller, action });
}
