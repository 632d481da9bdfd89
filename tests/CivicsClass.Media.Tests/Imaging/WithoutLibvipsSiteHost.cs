using CivicsClass.Testing;
using CivicsClass.Testing.Site;

namespace CivicsClass.Media.Tests.Imaging;

/// <summary>A site whose image library is switched off, as on a machine without libvips.</summary>
public sealed class WithoutLibvipsSiteHost : SiteHost<Sqlite>
{
    protected override SiteFactory CreateFactory(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["Media:ImageProcessor"] = "none" });
}
