namespace CivicsClass.Web.Setup;

public static class SetupModule
{
    public static IServiceCollection AddSetup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Setup").Get<SetupOptions>() ?? new SetupOptions());
        services.AddSingleton<SiteSetup>();
        return services;
    }

    /// <summary>Runs first-start setup and prints where the site is and how the first administrator signs in.</summary>
    public static async Task SetUpSiteAsync(this WebApplication app)
    {
        var result = await app.Services.GetRequiredService<SiteSetup>().RunAsync();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = string.Join(", ", app.Urls);
            Console.WriteLine($"中国工人大思政课 CivicsClass is running at {addresses}");
            if (result.Seeds is { } seeds)
            {
                Console.WriteLine($"Demo content: {seeds}");
            }

            if (result.AdministratorPassword is not null)
            {
                Console.WriteLine($"First administrator: user name '{result.AdministratorUserName}', password '{result.AdministratorPassword}'.");
                Console.WriteLine("This password is shown only once; keep it, or set Setup:AdminPassword before the first start.");
            }
        });
    }
}
