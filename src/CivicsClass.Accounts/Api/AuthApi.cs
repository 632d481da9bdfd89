using CivicsClass.Accounts.Registration;
using CivicsClass.Accounts.SignIn;
using CivicsClass.Accounts.Tokens;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Theme;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Accounts.Api;

/// <summary>Accounts for the mobile app: register, sign in for a bearer token, refresh it, and who the token belongs to.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts").RequireRateLimiting(AccountsModule.SignInRateLimit);
        auth.MapPost("/register", RegisterAsync).WithName("Register")
            .WithSummary("Creates a learner's account with a mainland mobile number or an e-mail address.");
        auth.MapPost("/login", LoginAsync).WithName("Login")
            .WithSummary("Returns { accessToken, expiresIn, refreshToken }: the access token, for Authorization: Bearer on the rest of /api/v1, is short-lived (15 minutes by default).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", RefreshAsync).WithName("RefreshToken")
            .WithSummary("Trades a refresh token, usable once, for a new { accessToken, refreshToken }; refused after a password or role change.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/me", MeAsync).WithTags("Accounts").WithName("Me").WithSummary("The account the bearer token belongs to.").RequireAuthorization();
        return auth;
    }

    private static async Task<Results<Ok<Registered>, ValidationProblem>> RegisterAsync(RegisterRequest request, AccountService accounts, IStringLocalizer<SiteText> text)
    {
        var registration = await accounts.RegisterAsync(request.PhoneOrEmail, request.Password, request.DisplayName, key => text[key]);
        if (registration.User is not { } user)
        {
            return TypedResults.ValidationProblem(registration.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: text["RegistrationRefused"]);
        }

        return TypedResults.Ok(new Registered(user.UserId, user.UserName, user.DisplayName));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> LoginAsync(LoginRequest request, PasswordSignIn passwords, BearerTokens tokens,
        HttpContext context, IStringLocalizer<SiteText> text)
    {
        var outcome = await passwords.CheckAsync(request.PhoneOrEmail, request.Password, context);
        if (outcome.User is { } user)
        {
            return TypedResults.Ok(await tokens.IssueAsync(user));
        }

        if (outcome.Throttled)
        {
            context.Response.Headers.RetryAfter = outcome.WaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: text["SignInThrottled", outcome.WaitSeconds], statusCode: StatusCodes.Status429TooManyRequests);
        }

        return TypedResults.Problem(title: text["SignInFailed"], statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> RefreshAsync(RefreshRequest request, BearerTokens tokens, IStringLocalizer<SiteText> text) =>
        await tokens.RefreshAsync(request.RefreshToken) is { } fresh
            ? TypedResults.Ok(fresh)
            : TypedResults.Problem(title: text["SignInExpired"], statusCode: StatusCodes.Status401Unauthorized);

    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> MeAsync(HttpContext context, UserManager<User> users, TermCache terms)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var all = await terms.GetAsync();
        string? Name(string alias, string? id) => id is null ? null : all.GetValueOrDefault(alias)?.Name(id);
        return TypedResults.Ok(new Me(user.UserId, user.UserName, user.DisplayName, user.Roles,
            Name("Organisation", user.OrganisationTermId), Name("Region", user.RegionTermId), Name("Industry", user.IndustryTermId)));
    }
}
