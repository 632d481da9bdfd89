using CivicsClass.Data.Jobs;

namespace CivicsClass.Accounts.Maintenance;

/// <summary>The sign-in rows the expired-data job removes, each sweep over this module's own tables.</summary>
internal static class AccountsSweeps
{
    public static IServiceCollection AddAccountsSweeps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountsRetentionOptions>().Bind(configuration.GetSection("Maintenance"));
        services.AddSingleton<IExpiredDataSweep, SignInSessionSweep>();
        services.AddSingleton<IExpiredDataSweep, SignInThrottleSweep>();
        services.AddSingleton<IExpiredDataSweep, RefreshTokenSweep>();
        return services;
    }
}
