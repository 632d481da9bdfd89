using System.Globalization;
using System.Security.Claims;

namespace CivicsClass.Learning.Study;

/// <summary>The learner behind a signed-in principal.</summary>
public static class LearnerPrincipal
{
    public static long? LearnerId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : null;
}
