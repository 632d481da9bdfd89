using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace CivicsClass.Web.Edge;

/// <summary>
/// What every request meets before the site: the real client from a trusted proxy's forwarded headers,
/// HTTPS (redirect and HSTS) when the site is configured for it, the security headers, control
/// characters refused or cleaned, and cookies marked Secure whenever the request came over HTTPS.
/// </summary>
public static class EdgeModule
{
    public static IServiceCollection AddEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options => ForwardedHeadersSetup.Configure(options, configuration));
        services.AddHttpContextAccessor();
        services.AddScoped<ContentSecurityPolicy>();
        services.AddSingleton<Content.Security.IRequestBodyLimit, CleanRequestBodyLimit>();
        services.AddScoped<Theme.IContentSecurityPolicy>(provider => provider.GetRequiredService<ContentSecurityPolicy>());
        services.Configure<AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true); // DENY is sent on every response instead
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(configuration.GetValue("Https:HstsDays", 365)));
        return services;
    }

    public static WebApplication UseEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (ServesHttps(app.Configuration))
        {
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseControlCharacterFilter();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// HTTPS is configured when the site listens on an https address (<c>urls</c>, Kestrel endpoints) or is
    /// told its public HTTPS port (<c>https_port</c>, <c>ASPNETCORE_HTTPS_PORT</c>: a proxy terminates TLS).
    /// </summary>
    public static bool ServesHttps(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["https_port"])
        || (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
