using System.Security.Claims;

namespace CivicsClass.Theme;

/// <summary>Whether the signed-in person may enter the admin area, so the site's header can offer the way in.</summary>
public interface IAdminAccess
{
    Task<bool> CanEnterAsync(ClaimsPrincipal user);
}
