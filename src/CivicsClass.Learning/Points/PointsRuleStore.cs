using CivicsClass.Data.Caching;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.Points;

/// <summary>The rules, read once per node and rebuilt after a change (or a minute, for changes made on another node).</summary>
public sealed class PointsRuleStore
{
    public const string CacheName = "points-rules";

    private readonly RebuildableCache<IReadOnlyDictionary<string, PointsRule>> _cache;

    public PointsRuleStore(IDocumentStore store, TimeProvider clock, CacheSignals signals) => _cache = new(async () =>
    {
        await using var session = store.CreateSession();
        return (await session.GetAllAsync<PointsRule>()).ToDictionary(r => r.Name, StringComparer.Ordinal);
    }, clock, TimeSpan.FromMinutes(1), signals, CacheName);

    public Task<IReadOnlyDictionary<string, PointsRule>> AllAsync() => _cache.GetAsync();

    /// <summary>The rule when it exists and is enabled.</summary>
    public async Task<PointsRule?> ActiveAsync(string activity) =>
        (await _cache.GetAsync()).GetValueOrDefault(activity) is { Enabled: true } rule ? rule : null;

    /// <summary>Forgets the rules on every node; call it after the change commits.</summary>
    public Task ClearAsync() => _cache.ClearEverywhereAsync();

    /// <summary>Saves a rule in the caller's unit of work; the cache forgets after commit.</summary>
    public async Task SaveAsync(ISession session, PointsRule rule)
    {
        await session.SaveAsync(rule);
        session.OnCommitted(ClearAsync);
    }

    /// <summary>The problems with an edited rule, keyed by field; empty when it can be saved.</summary>
    public static Dictionary<string, string> Validate(PointsRule rule)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Activities.Settings.TryGetValue(rule.Name, out var known))
        {
            errors[nameof(rule.Name)] = $"未知的活动“{rule.Name}”";
            known = [];
        }

        if (string.IsNullOrWhiteSpace(rule.DisplayName) || rule.DisplayName.Length > 40)
        {
            errors[nameof(rule.DisplayName)] = "名称必填，最多 40 个字";
        }

        if (rule.Points is < 0 or > 1000)
        {
            errors[nameof(rule.Points)] = "积分须在 0 到 1000 之间";
        }

        if (rule.DailyCap is < 0 or > 10000)
        {
            errors[nameof(rule.DailyCap)] = "每日上限须在 0 到 10000 之间，或留空表示不设上限";
        }

        PointsRuleSettings.Validate(rule, known, errors);
        return errors;
    }
}
