using CivicsClass.Content.Security;
using CivicsClass.Media.Library;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Media.Tests;

/// <summary>The module brings its own permissions and pages: the host lists neither.</summary>
public sealed class MediaModuleTests
{
    [Fact]
    public void AddMedia_DeclaresTheLibrarysPermissions_ForRoleEditing()
    {
        using var provider = Services().BuildServiceProvider();

        var declared = provider.GetServices<IPermissionProvider>().SelectMany(p => p.GetPermissions()).ToList();

        Assert.Equal([(MediaPermissions.UploadMedia, "媒体"), (MediaPermissions.ManageMedia, "媒体")], declared.Select(p => (p.Name, p.Group)));
    }

    [Fact]
    public void AddMedia_MakesItsControllerFoundByMvc_Once()
    {
        using var provider = Services().AddMedia(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var feature = new ControllerFeature();

        provider.GetRequiredService<ApplicationPartManager>().PopulateFeature(feature);

        Assert.Single(feature.Controllers, c => c.AsType() == typeof(MediaLibraryController));
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddMedia(new ConfigurationBuilder().Build());
        return services;
    }
}
