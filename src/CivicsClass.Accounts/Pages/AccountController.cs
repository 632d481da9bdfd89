using CivicsClass.Accounts.Registration;
using CivicsClass.Accounts.SignIn;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Theme;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Accounts.Pages;

/// <summary>Sign in, register, sign out, change password and profile, as pages of the workers' site.</summary>
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AccountController(
    SignInManager<User> signIn,
    UserManager<User> users,
    AccountService accounts,
    PasswordSignIn passwords,
    TermCache terms,
    IStringLocalizer<SiteText> text) : Controller
{
    [HttpGet]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginViewModel(Meta("SignIn"), null, LocalOrNull(returnUrl), new FormErrors()));

    [HttpPost]
    [EnableRateLimiting(AccountsModule.SignInRateLimit)]
    public async Task<IActionResult> Login([FromForm] string? phoneOrEmail, [FromForm] string? password, [FromForm] bool remember, [FromForm] string? returnUrl)
    {
        var errors = new FormErrors();
        var outcome = await passwords.CheckAsync(phoneOrEmail, password, HttpContext);
        if (outcome.User is { } user)
        {
            await signIn.SignInAsync(user, remember);
            return LocalRedirect(LocalOrNull(returnUrl) ?? "/");
        }

        if (outcome.Throttled)
        {
            errors.Add("", text["SignInThrottled", outcome.WaitSeconds]);
            Response.Headers.RetryAfter = outcome.WaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(new LoginViewModel(Meta("SignIn"), phoneOrEmail, LocalOrNull(returnUrl), errors));
        }

        errors.Add("", text["SignInFailed"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new LoginViewModel(Meta("SignIn"), phoneOrEmail, LocalOrNull(returnUrl), errors));
    }

    [HttpGet]
    public IActionResult Register(string? returnUrl) =>
        View(new RegisterViewModel(Meta("Register"), null, null, LocalOrNull(returnUrl), new FormErrors()));

    [HttpPost]
    [EnableRateLimiting(AccountsModule.SignInRateLimit)]
    public async Task<IActionResult> Register([FromForm] string? phoneOrEmail, [FromForm] string? password, [FromForm] string? confirmPassword,
        [FromForm] string? displayName, [FromForm] string? returnUrl)
    {
        var errors = new FormErrors();
        if (password != confirmPassword)
        {
            errors.Add("confirmPassword", text["PasswordsDiffer"]);
        }
        else
        {
            var registration = await accounts.RegisterAsync(phoneOrEmail, password, displayName, key => text[key]);
            foreach (var (field, message) in registration.Errors)
            {
                errors.Add(field, message);
            }

            if (registration.User is { } user)
            {
                await signIn.SignInAsync(user, isPersistent: true);
                return LocalRedirect(LocalOrNull(returnUrl) ?? "/account/profile");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new RegisterViewModel(Meta("Register"), phoneOrEmail, displayName, LocalOrNull(returnUrl), errors));
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [Authorize]
    [HttpGet]
    public IActionResult Password() => View(new PasswordViewModel(Meta("ChangePassword"), new FormErrors(), Changed: false));

    [Authorize]
    [HttpPost]
    public async Task<IActionResult> Password([FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword)
    {
        var errors = new FormErrors();
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (newPassword != confirmPassword)
        {
            errors.Add("confirmPassword", text["PasswordsDiffer"]);
        }
        else
        {
            var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "");
            foreach (var error in result.Errors)
            {
                errors.Add(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", error.Description);
            }

            if (result.Succeeded)
            {
                // The security stamp changed: sign in again so this browser stays signed in while others are signed out.
                await signIn.RefreshSignInAsync(user);
                return View(new PasswordViewModel(Meta("ChangePassword"), errors, Changed: true));
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new PasswordViewModel(Meta("ChangePassword"), errors, Changed: false));
    }

    [Authorize]
    [HttpGet]
    public async Task<IActionResult> Profile()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await ProfileModelAsync(user, user.DisplayName, new FormErrors(), saved: false));
    }

    [Authorize]
    [HttpPost]
    public async Task<IActionResult> Profile([FromForm] string? displayName, [FromForm] string? organisation, [FromForm] string? region, [FromForm] string? industry,
        [FromForm] bool showOnLeaderboards)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var errors = new FormErrors();
        var name = (displayName ?? "").Trim();
        // A name kept as it is was accepted when it was given (the first administrator's is set by setup).
        if (name != user.DisplayName && AccountService.DisplayNameProblem(name) is { } problem)
        {
            errors.Add("displayName", text[problem, AccountService.MaxDisplayNameLength]);
        }

        var all = await terms.GetAsync();
        string? Term(string alias, string field, string? id)
        {
            if (string.IsNullOrEmpty(id))
            {
                return null;
            }

            if (all.GetValueOrDefault(alias)?.Name(id) is null)
            {
                errors.Add(field, text["UnknownChoice"]);
            }

            return id;
        }

        var organisationId = Term("Organisation", "organisation", organisation);
        var regionId = Term("Region", "region", region);
        var industryId = Term("Industry", "industry", industry);
        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await ProfileModelAsync(user, name, errors, saved: false));
        }

        user.DisplayName = name;
        user.OrganisationTermId = organisationId;
        user.RegionTermId = regionId;
        user.IndustryTermId = industryId;
        user.ShowOnLeaderboards = showOnLeaderboards;
        var result = await users.UpdateAsync(user);
        foreach (var error in result.Errors)
        {
            errors.Add("", error.Description);
        }

        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return View(await ProfileModelAsync(user, name, errors, saved: result.Succeeded));
    }

    [HttpGet]
    public IActionResult Denied() => StatusCode(StatusCodes.Status403Forbidden);

    private async Task<ProfileViewModel> ProfileModelAsync(User user, string displayName, FormErrors errors, bool saved)
    {
        var all = await terms.GetAsync();
        IReadOnlyList<TermChoice> Choices(string alias) =>
            all.GetValueOrDefault(alias)?.Indented().Select(t => new TermChoice(t.Term.Id, t.Term.Name, t.Depth)).ToList() ?? [];
        return new ProfileViewModel(Meta("Profile"), user.UserName, displayName, user.OrganisationTermId, user.RegionTermId, user.IndustryTermId,
            Choices("Organisation"), Choices("Region"), Choices("Industry"), errors, saved, user.ShowOnLeaderboards);
    }

    private PageMeta Meta(string titleKey) => new(text[titleKey], CanonicalPath: Request.Path);

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}
