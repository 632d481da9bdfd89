using System.Text.Json;
using System.Text.Json.Nodes;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Settings;

/// <summary>Site-wide settings as named sections of JSON (<c>Site</c>, <c>Map</c>, …), one document per site.</summary>
public sealed class SiteSettings : Document
{
    public JsonObject Sections { get; set; } = [];

    public T Section<T>(string name) where T : new() =>
        Sections[name] is JsonObject section ? section.Deserialize<T>(DocumentJson.Options) ?? new T() : new T();
}

public sealed class SiteSettingsStore
{
    public async Task<SiteSettings> GetAsync(ISession session) =>
        (await session.GetAllAsync<SiteSettings>()).FirstOrDefault() ?? new SiteSettings();

    /// <summary>Merges sections into the stored settings: a named key replaces the value it names, others stay.</summary>
    public async Task MergeAsync(ISession session, JsonObject sections)
    {
        var settings = await GetAsync(session);
        foreach (var (name, value) in sections)
        {
            if (value is JsonObject incoming && settings.Sections[name] is JsonObject existing)
            {
                foreach (var (key, item) in incoming)
                {
                    existing[key] = item?.DeepClone();
                }
            }
            else
            {
                settings.Sections[name] = value?.DeepClone();
            }
        }

        await session.SaveAsync(settings);
    }
}
