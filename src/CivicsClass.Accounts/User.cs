using CivicsClass.Data.Documents;

namespace CivicsClass.Accounts;

/// <summary>A person who signs in: with a mobile number or an e-mail address, and a password kept only as ASP.NET Core Identity's hash.</summary>
public sealed class User : Document
{
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public string? PhoneNumber { get; set; }
    public bool PhoneNumberConfirmed { get; set; }
    public string PasswordHash { get; set; } = "";
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public List<string> Roles { get; set; } = [];
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastSignInUtc { get; set; }

    /// <summary>The union organisation the person belongs to: a term of the <c>Organisation</c> taxonomy.</summary>
    public string? OrganisationTermId { get; set; }
    public string? RegionTermId { get; set; }
    public string? IndustryTermId { get; set; }

    /// <summary>Whether the person chose to be named on the people leaderboard; off until they turn it on.</summary>
    public bool ShowOnLeaderboards { get; set; }

    /// <summary>The id Identity and content ownership use.</summary>
    public string UserId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
