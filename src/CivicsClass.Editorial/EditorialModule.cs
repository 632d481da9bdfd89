using CivicsClass.Data.Migrations;
using CivicsClass.Editorial.Editing;
using CivicsClass.Editorial.Migrations;
using CivicsClass.Editorial.Publishing;

namespace CivicsClass.Editorial;

/// <summary>Editing, review and publishing (now or at a time), an item's history and restore, taxonomies, content types, recipes and the background jobs page.</summary>
public static class EditorialModule
{
    /// <summary>The workflow and its audit trail and notifications, the scheduled publisher, the permissions they need and the editorial pages' controllers.</summary>
    public static IServiceCollection AddEditorial(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPermissionProvider, EditorialPermissions>();
        services.AddSingleton<IDataMigration, EditorialMigrations>();
        services.AddControllersWithViews()
            .AddApplicationPart(typeof(EditorialModule).Assembly)
            .AddApplicationPart(typeof(AdminTheme.AdminText).Assembly)
            .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new InternalControllers()));
        services.AddScoped<ContentForm>();
        services.AddScoped<ContentRows>();
        services.AddScoped<Workflow>();
        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection("Admin"));
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        return services;
    }

    /// <summary>
    /// The admin's editorial pages: the dashboard (<c>/admin</c>), content lists and the editor (<c>/admin/content</c>),
    /// review (<c>/admin/review</c>), taxonomies, types, recipes and jobs (<c>/admin/taxonomies</c>, <c>/admin/types</c>,
    /// <c>/admin/recipes</c>, <c>/admin/jobs</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapEditorial(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEditorialAdmin();
        return endpoints;
    }
}
