using CivicsClass.Content.Security;
using CivicsClass.Editorial.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CivicsClass.Editorial.Tests;

/// <summary>The module's front door: its permissions, its controllers, its one setting and every address of its pages.</summary>
public sealed class EditorialModuleTests
{
    [Fact]
    public void AddEditorial_DeclaresItsPermissions_UnderTheNamesRolesStore()
    {
        using var provider = Services().BuildServiceProvider();

        var declared = provider.GetServices<IPermissionProvider>().SelectMany(p => p.GetPermissions()).Select(p => (p.Name, p.Group)).ToList();

        Assert.Equal(
            [("SubmitForReview", "内容"), ("PublishContent", "内容"), ("ManageTaxonomies", "内容"), ("ManageContentTypes", "系统"), ("ImportExport", "系统")],
            declared);
    }

    [Fact]
    public void AddEditorial_MakesItsInternalControllersFoundByMvc_Once()
    {
        using var provider = Services().BuildServiceProvider();
        var feature = new ControllerFeature();

        provider.GetRequiredService<ApplicationPartManager>().PopulateFeature(feature);

        var found = feature.Controllers.Where(c => c.Assembly == typeof(EditorialModule).Assembly).Select(c => c.Name).ToList();
        Assert.Equal(
            ["ContentAdminController", "ContentHistoryController", "DashboardController", "JobsController", "RecipesController", "ReviewController",
             "TaxonomiesController", "TypesController"],
            found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddEditorial_BindsThePublishingIntervalFromTheConfigurationItIsGiven()
    {
        using var configured = Services(new() { ["Admin:SchedulePollSeconds"] = "7" }).BuildServiceProvider();
        using var unset = Services().BuildServiceProvider();

        var seconds = configured.GetRequiredService<IOptions<PublishingOptions>>().Value.SchedulePollSeconds;
        var fallback = unset.GetRequiredService<IOptions<PublishingOptions>>().Value.SchedulePollSeconds;

        Assert.Equal(7, seconds);
        Assert.Equal(30, fallback);
    }

    [Fact]
    public async Task MapEditorial_MapsEveryPage_AtTheAddressItHasAlwaysHad()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Services.AddEditorial(builder.Configuration);
        await using var app = builder.Build();

        app.MapEditorial();

        // Each conventional route also gives an endpoint for making links only, which no request reaches.
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true).ToList();
        var mapped = endpoints.Select(e => $"{Methods(e)} /{e.RoutePattern.RawText?.TrimStart('/')}");
        Assert.Equal(s_addresses.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
        // "/admin/content/edit/new" is the item "new", not a new item of the type "edit".
        Assert.True(Order(endpoints, "admin/content/edit/{id}") < Order(endpoints, "admin/content/{type}/new"));
    }

    private static readonly string[] s_addresses =
    [
        "GET /admin", "POST /admin/notifications/read",
        "GET /admin/content/{type}", "GET /admin/content/{type}/new", "POST /admin/content/{type}/new",
        "GET /admin/content/edit/{id}", "POST /admin/content/edit/{id}", "POST /admin/content/edit/{id}/unpublish",
        "POST /admin/content/edit/{id}/remove", "POST /admin/content/edit/{id}/restore", "POST /admin/preview",
        "GET /admin/review", "GET /admin/review/{id}", "POST /admin/review/{id}/approve", "POST /admin/review/{id}/return",
        "GET /admin/taxonomies", "GET /admin/taxonomies/{alias}", "POST /admin/taxonomies/{alias}",
        "GET /admin/types", "POST /admin/types", "POST /admin/types/{type}/fields", "POST /admin/types/{type}/fields/{field}/delete",
        "POST /admin/types/{type}/fields/{field}/move", "POST /admin/types/{type}/behaviour",
        "GET /admin/recipes", "POST /admin/recipes/import", "POST /admin/recipes/export",
        "GET /admin/jobs", "POST /admin/jobs/cleanup/run", "POST /admin/jobs/search/{id:long}/retry",
    ];

    private static string Methods(RouteEndpoint endpoint) =>
        string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? Array.Empty<string>());

    private static int Order(IEnumerable<RouteEndpoint> endpoints, string pattern) =>
        endpoints.Where(e => e.RoutePattern.RawText?.TrimStart('/') == pattern).Min(e => e.Order);

    private static ServiceCollection Services(Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddEditorial(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        return services;
    }
}
