using System.Security.Cryptography;
using CivicsClass.Content.Recipes;
using CivicsClass.Content.Seeds;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using CivicsClass.Accounts;
using CivicsClass.Accounts.Users;
using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Web.Setup;

/// <summary>
/// Brings a site to life: migrations on every start; on the first, the recipe, the seeds and a
/// first administrator. Each step is recorded, and each is safe to repeat if a start is cut short.
/// </summary>
public sealed class SiteSetup(
    IServiceScopeFactory scopes,
    MigrationRunner migrations,
    SeedImporter seeds,
    SetupOptions options,
    IHostEnvironment environment,
    Data.Dialects.ISqlDialect dialect,
    TimeProvider clock,
    ILogger<SiteSetup> logger)
{
    public const string AdministratorRole = "Administrator";

    public async Task<SetupResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var state = await EnsureRecipeAsync(cancellationToken);

        SeedImportReport? report = null;
        if (options.ImportSeeds && state.SeedsImportedUtc is null)
        {
            var directory = SitePaths.Find(environment.ContentRootPath, options.Seeds);
            if (directory is null)
            {
                logger.LogWarning("No seeds folder '{Seeds}' found above {ContentRoot}; the site starts without demo content", options.Seeds, environment.ContentRootPath);
            }
            else
            {
                report = await seeds.ImportAsync(directory, cancellationToken);
            }

            state.SeedsImportedUtc = clock.GetUtcNow().UtcDateTime;
            await SaveStateAsync(state);
        }

        var password = await EnsureAdministratorAsync();
        if (report is not null)
        {
            await dialect.TidyAfterBulkWriteAsync(cancellationToken);
        }

        return new SetupResult(report, password is null ? null : options.AdminUserName, password);
    }

    /// <summary>Migrations, then the site's recipe if it was never applied: what any command needs before it touches content.</summary>
    public async Task<SetupState> EnsureRecipeAsync(CancellationToken cancellationToken = default)
    {
        await migrations.RunAsync(cancellationToken);
        var state = await GetStateAsync();
        if (state.RecipeAppliedUtc is null)
        {
            await ApplyRecipeAsync(options.Recipe, cancellationToken);
            state.RecipeAppliedUtc = clock.GetUtcNow().UtcDateTime;
            await SaveStateAsync(state);
        }

        return state;
    }

    /// <summary>A folder or file named relative to the working directory, else to the repository the site runs from.</summary>
    public string Resolve(string path) =>
        File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : SitePaths.Find(environment.ContentRootPath, path) ?? path;

    public async Task ApplyRecipeAsync(string recipe, CancellationToken cancellationToken = default)
    {
        var path = SitePaths.Find(environment.ContentRootPath, recipe)
            ?? throw new FileNotFoundException($"Recipe '{recipe}' was not found from {environment.ContentRootPath} upwards.");
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteFileAsync(path, cancellationToken);
    }

    private async Task<string?> EnsureAdministratorAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await scope.ServiceProvider.GetRequiredService<UserStore>().CountAsync() > 0)
        {
            return null;
        }

        var password = string.IsNullOrEmpty(options.AdminPassword) ? GeneratePassword() : options.AdminPassword;
        var administrator = new User
        {
            UserName = options.AdminUserName,
            DisplayName = "管理员",
            Roles = [AdministratorRole],
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(administrator, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description))
                + " Set Setup:AdminPassword to a password of at least 8 characters with a letter and a digit, not a common one and not containing the user name.");
        }

        return password;
    }

    private async Task<SetupState> GetStateAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        return (await session.GetAllAsync<SetupState>()).FirstOrDefault() ?? new SetupState();
    }

    private async Task SaveStateAsync(SetupState state)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ISession>();
        await session.SaveAsync(state);
        await session.SaveChangesAsync();
    }

    // Letters and digits that cannot be misread, with a symbol and digit so any password policy accepts it.
    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems(alphabet.AsSpan(), 14);
        return new string(chars) + "-" + RandomNumberGenerator.GetInt32(10, 99);
    }
}

public sealed record SetupResult(SeedImportReport? Seeds, string? AdministratorUserName, string? AdministratorPassword);
