using System.Net;
using System.Net.Sockets;

namespace CivicsClass.Testing;

public static class LoopbackPort
{
    /// <summary>A loopback port nobody listens on now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
