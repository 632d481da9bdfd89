// ASP.NET Core's implicit usings bring its own ISession (HTTP session state), which this site does not use.
global using ISession = CivicsClass.Data.Documents.ISession;
global using CivicsClass.Content.Security;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
