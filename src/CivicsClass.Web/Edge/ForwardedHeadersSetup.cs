using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CivicsClass.Web.Edge;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy: the client's address, scheme and host
/// arrive in <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c>. They are believed only from the
/// proxies in <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges); loopback when neither is set, as a proxy on the same machine is. A forwarded host
/// must be one of <c>AllowedHosts</c>. Everything after reads the real client: rate limits, the
/// loopback check of <c>/metrics</c>, absolute links.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.ForwardLimit = section.GetValue("ForwardLimit", 1);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length > 0 || networks.Length > 0)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        }

        var hosts = (configuration["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        options.AllowedHosts = hosts.Contains("*") ? [] : hosts;
    }

    /// <summary>Whether the request still names a client the site did not take from a trusted proxy (from an untrusted one, or past the forward limit).</summary>
    public static bool CarriesUntrustedForwarding(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded");
}
