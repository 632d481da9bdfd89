using CivicsClass.Accounts;
using CivicsClass.Content;
using CivicsClass.Contests;
using CivicsClass.Data;
using CivicsClass.Editorial;
using CivicsClass.Learning;
using CivicsClass.Media;
using CivicsClass.Operations;
using CivicsClass.Search;
using CivicsClass.Web.Api;
using CivicsClass.Web.Edge;
using CivicsClass.Web.Health;
using CivicsClass.Web.Setup;
using CivicsClass.Web.Site;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets(); // the theme's assets when run from a build in any environment; a no-op once published
if (builder.Configuration["Logging:Format"] == "json")
{
    builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);
}

builder.Services.AddEdge(builder.Configuration);
builder.Services.AddData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddContent();
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddLearning(builder.Configuration);
builder.Services.AddMedia(builder.Configuration);
builder.Services.AddContests(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddOperations();
builder.Services.AddSetup(builder.Configuration);
builder.Services.AddSite();
builder.Services.AddEditorial(builder.Configuration);
builder.Services.AddApi();
builder.Services.AddHealth();

var app = builder.Build();
if (SiteCommands.IsCommand(args))
{
    return await SiteCommands.RunAsync(app, args);
}

await app.SetUpSiteAsync();
app.UseEdge();
app.UseSite(identify: site => site.UseAccounts());
app.MapHealth();
app.MapApi();
app.MapAccounts();
app.MapLearning();
app.MapMedia();
app.MapContests();
app.MapEditorial();
app.MapSite();
await app.RunAsync();
return 0;

public partial class Program;
