using System.Xml.Linq;
using CivicsClass.Data.Dialects;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CivicsClass.Accounts.DataProtection;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens, kept in the site's database so every
/// node of a farm reads the same key ring (a cookie issued by one node is accepted by another) and a
/// backup carries them. Data protection calls this rarely and synchronously: when the key ring is
/// first read, refreshed (about daily) or a key is added.
/// </summary>
internal sealed class DatabaseKeyRepository(ISqlDialect dialect) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dialect.OpenConnectionAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_key ORDER BY id").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = dialect.OpenConnectionAsync().GetAwaiter().GetResult();
        connection.Execute("INSERT INTO data_protection_key (friendly_name, xml) VALUES (@friendlyName, @xml)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
