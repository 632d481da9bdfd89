using System.Globalization;
using System.IO.Compression;
using CivicsClass.Content.Handlers;
using CivicsClass.Data.Caching;
using CivicsClass.Web.Api;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;

namespace CivicsClass.Web.Site;

public static class SiteModule
{
    public const string CachePolicy = "site";
    public const string CacheTag = "content";

    /// <summary>The query keys pages read; others (tracking tags, junk) neither vary the cache nor reach a page.</summary>
    public static readonly string[] QueryKeys = ["theme", "region", "industry", "audience", "format", "length", "sort", "q", "page", "category", "type"];

    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddControllersWithViews().AddApplicationPart(typeof(Theme.SiteText).Assembly);
        // Chinese text is written as it is, not as numeric entities (which would triple a page's size).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddSingleton<SearchMissAllowance>();
        services.AddScoped<Content.Security.ISearchMissGate, VisitorSearchMissGate>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = CultureController.Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddOutputCache(options =>
        {
            // Pages are ~20 KB: 32 MB keeps the busiest ~1 500 of them on a node that must stay small.
            options.SizeLimit = 32 * 1024 * 1024;
        });
        services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery(QueryKeys)
            .VaryByValue(context => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
            .Tag(CacheTag)));
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        services.AddScoped<CardFactory>();
        services.AddScoped<AdminTheme.Models.IAdminChromeSource, AdminChromeSource>();
        services.AddScoped<Theme.IContentCards>(provider => provider.GetRequiredService<CardFactory>());
        services.AddScoped<DetailPageBuilder>();
        services.AddScoped<HomePageBuilder>();
        services.AddMemoryCache();
        services.AddSingleton<PageModelCache>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return services;
    }

    /// <summary>
    /// The site's middleware, in order: HEAD as GET, compression, errors, localisation; then, after sign-in is known,
    /// the output cache. Cached pages and page models are forgotten, on every node, when published
    /// content changes: a page may show any item as a card, so every page is tagged alike.
    /// </summary>
    public static WebApplication UseSite(this WebApplication app, Action<WebApplication> identify)
    {
        var pages = app.Services.GetRequiredService<IOutputCacheStore>();
        var models = app.Services.GetRequiredService<PageModelCache>();
        app.Services.GetRequiredService<CacheSignals>().Subscribe(PublishedContentSignal.CacheName, () =>
        {
            models.Evict();
            _ = pages.EvictByTagAsync(CacheTag, CancellationToken.None).AsTask();
        });

        app.UseHeadAsGet();
        app.UseRouting(); // here, not first: a HEAD request is matched to its page as the GET it now is
        app.UseResponseCompression();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(NotFoundController.ServerErrorPath);
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestLocalization();
        app.UseJsonBodyBuffering();
        identify(app); // signed-in requests must be recognised before the cache, which neither serves nor stores them
        app.UseOutputCache();
        return app;
    }

    /// <summary>
    /// A fingerprinted address never changes its bytes, so browsers may keep it for a year without
    /// asking again. MapStaticAssets is documented to say so but sends no-cache (dotnet/aspnetcore#65463).
    /// </summary>
    private static void CacheFingerprintedAssetsForever(EndpointBuilder endpoint)
    {
        var descriptor = endpoint.Metadata.OfType<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>().FirstOrDefault();
        var fingerprint = descriptor?.Properties.FirstOrDefault(p => p.Name == "fingerprint")?.Value;
        if (descriptor is null || string.IsNullOrEmpty(fingerprint) || !descriptor.Route.Contains(fingerprint, StringComparison.Ordinal) || endpoint.RequestDelegate is not { } next)
        {
            return;
        }

        endpoint.RequestDelegate = context =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }

                return Task.CompletedTask;
            });
            return next(context);
        };
    }

    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets().Add(CacheFingerprintedAssetsForever);
        endpoints.MapControllers().WithStaticAssets();
        return endpoints;
    }
}
