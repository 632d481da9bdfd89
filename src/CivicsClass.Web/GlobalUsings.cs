// ASP.NET Core's implicit usings bring its own ISession (HTTP session state), which this site does not use.
global using ISession = CivicsClass.Data.Documents.ISession;

// The attribute lives beside the permissions in CivicsClass.Content, so modules' controllers use it too.
global using RequirePermissionAttribute = CivicsClass.Content.Security.RequirePermissionAttribute;
