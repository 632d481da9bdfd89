// ASP.NET Core's implicit usings bring its own ISession (HTTP session state), which this site does not use.
global using ISession = CivicsClass.Data.Documents.ISession;
// Every module marks its endpoints with Content.Security's RequirePermission.
global using CivicsClass.Content.Security;
