using System.Text.Json.Serialization;

namespace CivicsClass.Data.Documents;

/// <summary>
/// A JSON document with a database-assigned id and a version that guards against lost updates:
/// a save carries the version it was read at, and the store refuses it when someone saved since.
/// </summary>
public abstract class Document
{
    [JsonIgnore]
    public long Id { get; set; }

    [JsonIgnore]
    public int Version { get; set; }
}
