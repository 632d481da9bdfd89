using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Xunit;

namespace CivicsClass.Accounts.Tests.Passwords;

/// <summary>The first administrator's password, from configuration, meets the same rules as everyone's.</summary>
public sealed class AdministratorPasswordTests
{
    [SkippableTheory]
    [InlineData("Admin-2025-site", "密码不能包含登录账号")]
    [InlineData("Passw0rd", "这个密码太常见")]
    public async Task FirstStart_WeakAdministratorPassword_RefusesToStart(string password, string message)
    {
        await using var database = await new Sqlite().CreateAsync();
        await using var factory = new SiteFactory(database, new Dictionary<string, string?> { ["Setup:AdminPassword"] = password, ["Setup:ImportSeeds"] = "false" });

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient().Dispose());

        Assert.Contains("The first administrator could not be created", refused.ToString());
        Assert.Contains(message, refused.ToString());
    }
}
