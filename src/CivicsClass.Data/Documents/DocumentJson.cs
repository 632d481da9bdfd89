using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CivicsClass.Data.Documents;

public static class DocumentJson
{
    /// <summary>Keeps Chinese readable in the database and in exported recipes.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };
}
