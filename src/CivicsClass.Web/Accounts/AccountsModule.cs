using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;
using Microsoft.AspNetCore.Identity;

namespace CivicsClass.Web.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<IDataMigration, AccountsMigrations>();
        services.AddSingleton<IIndexProvider, UserIndexProvider>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<UserStore>();
        return services;
    }
}
