using CivicsClass.Data.Jobs;

namespace CivicsClass.Accounts.Maintenance;

/// <summary>The sign-in rows the expired-data job removes, each sweep over this module's own tables.</summary>
internal static class AccountsSweeps
{
    public static IServiceCollection AddAccountsSweeps(this IServiceCollection services)
    {
        services.AddOptions<AccountsRetentionOptions>().BindConfiguration("Maintenance");
        services.AddSingleton<IExpiredDataSweep, SignInSessionSweep>();
        services.AddSingleton<IExpiredDataSweep, SignInThrottleSweep>();
        services.AddSingleton<IExpiredDataSweep, RefreshTokenSweep>();
        return services;
    }
}
