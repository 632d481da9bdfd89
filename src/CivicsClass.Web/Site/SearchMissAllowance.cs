using System.Net;
using System.Net.Sockets;

namespace CivicsClass.Web.Site;

/// <summary>
/// How many searches that found nothing each anonymous address may add to the log today
/// (<c>SearchMisses:AnonymousPerAddressPerDay</c>, 20 unless configured). An IPv6 address counts by its
/// /64 network, which one subscriber holds whole. Counted per node, as the rate limits are: with N nodes
/// an address may add up to N times as many, still a small bound.
/// </summary>
public sealed class SearchMissAllowance(TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Addresses remembered in a day; past this many, anonymous misses wait for the next day.</summary>
    public const int MaxAddresses = 100_000;

    private readonly int _perAddress = Math.Max(0, configuration.GetValue("SearchMisses:AnonymousPerAddressPerDay", 20));
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private DateOnly _day;

    /// <summary>Takes one entry of today's allowance for this address; false when it is spent.</summary>
    public bool TryTake(IPAddress? address)
    {
        var key = Key(address);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        lock (_lock)
        {
            if (today != _day)
            {
                _counts.Clear();
                _day = today;
            }

            var used = _counts.GetValueOrDefault(key);
            if (used >= _perAddress || (used == 0 && _counts.Count >= MaxAddresses))
            {
                return false;
            }

            _counts[key] = used + 1;
            return true;
        }
    }

    private static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString();
    }
}
