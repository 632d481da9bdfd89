using System.Threading.RateLimiting;
using CivicsClass.Accounts.Api;
using CivicsClass.Accounts.Authorization;
using CivicsClass.Accounts.DataProtection;
using CivicsClass.Accounts.Maintenance;
using CivicsClass.Accounts.Migrations;
using CivicsClass.Accounts.Passwords;
using CivicsClass.Accounts.People;
using CivicsClass.Accounts.Registration;
using CivicsClass.Accounts.SignIn;
using CivicsClass.Accounts.Tokens;
using CivicsClass.Accounts.Users;
using CivicsClass.Content.Security;
using CivicsClass.Data.Dialects;
using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts;

public static class AccountsModule
{
    /// <summary>Chooses the cookie for pages and the bearer token for <c>/api</c>, so a cookie never authorises an API call (no cross-site requests).</summary>
    public const string PageOrApiScheme = "PageOrApi";

    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMvcCore().AddApplicationPart(typeof(AccountsModule).Assembly);
        services.AddSingleton<IDataMigration, AccountsMigrations>();
        services.AddSingleton<IIndexProvider, UserIndexProvider>();
        services.AddSingleton<IIndexProvider, UserRoleIndexProvider>();
        services.AddSingleton<IPermissionProvider, SitePermissions>();
        services.AddAccountsSweeps(configuration);
        services.AddHttpContextAccessor();
        services.AddDataProtection().SetApplicationName("CivicsClass");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseKeyRepository(provider.GetRequiredService<ISqlDialect>())));

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                // Guessing is slowed by SignInThrottle; a lock that the right password cannot lift would let anyone shut an account out.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddUserStore<UserStore>()
            .AddErrorDescriber<IdentityText>()
            .AddPasswordValidator<LetterPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<UserPrincipalFactory>()
            .AddSignInManager();
        services.AddScoped<UserStore>();
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection("RateLimits"));
        services.AddScoped<SignInThrottle>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<BearerTokens>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(PageOrApiScheme)
            .AddPolicyScheme(PageOrApiScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                // Short, since only a refresh (which checks the person again) extends it.
                o.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Accounts:AccessTokenMinutes", 15));
                o.Events.OnMessageReceived = BearerTokens.ValidateAsync;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "civics.auth";
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                // The session check comes first: a signed-out cookie is refused on every request, not only when the stamp is next checked.
                var validateStamp = o.Events.OnValidatePrincipal;
                o.Events.OnValidatePrincipal = async context =>
                {
                    if (await SignInSessions.ValidateAsync(context))
                    {
                        await validateStamp(context);
                    }
                };
                o.Events.OnSigningIn = SignInSessions.OnSigningInAsync;
                o.Events.OnSigningOut = SignInSessions.OnSigningOutAsync;
                // A missing permission is a 403 on the page asked for, not a redirect that hides it.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            }));

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization();
        services.AddScoped<CurrentPermissions>();
        services.AddScoped<ICurrentPermissions>(provider => provider.GetRequiredService<CurrentPermissions>());
        services.AddScoped<AccountService>();
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<Theme.IAdminAccess, AdminAccess>();

        var perMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    title = "尝试次数过多，请一分钟后再试。",
                    status = StatusCodes.Status429TooManyRequests,
                }, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>The account pages, the admin's people screens, and the <c>/api/v1/auth</c> group for the mobile app.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountPages();
        endpoints.MapAccountsAdmin();
        endpoints.MapGroup("/api/v1").MapAuthApi();
        return endpoints;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
