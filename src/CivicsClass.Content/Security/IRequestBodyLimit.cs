using Microsoft.AspNetCore.Http;

namespace CivicsClass.Content.Security;

/// <summary>
/// Lets one endpoint take a larger request than the site's default (an upload form), with its form
/// still read the way the host reads every form. Call it before anything reads the form.
/// </summary>
public interface IRequestBodyLimit
{
    void Allow(HttpContext context, long maxBytes);
}
