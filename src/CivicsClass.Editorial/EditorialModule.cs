using CivicsClass.Content.Items;
using CivicsClass.Data.Migrations;

namespace CivicsClass.Editorial;

/// <summary>Editing, review and publishing, taxonomies, content types, recipes, the audit trail and the admin's people pages.</summary>
public static class EditorialModule
{
    public static IServiceCollection AddEditorial(this IServiceCollection services)
    {
        services.AddSingleton<IDataMigration, AdminMigrations>();
        services.AddControllersWithViews()
            .AddApplicationPart(typeof(EditorialModule).Assembly)
            .AddApplicationPart(typeof(AdminTheme.AdminText).Assembly);
        services.AddScoped<ContentForm>();
        services.AddScoped<ContentRows>();
        services.AddScoped<Workflow>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        return services;
    }
}
