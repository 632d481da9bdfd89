using System.Text.Json;
using CivicsClass.Content.Items;
using CivicsClass.Data.Documents;
using CivicsClass.Media.Storage;

namespace CivicsClass.Media.Forms;

/// <summary>
/// The forms an item has, for its page and the API: per kind the newest one made (an older one keeps
/// being served while a changed text is made again), or the state of its job when none is made yet.
/// </summary>
public sealed class LessonForms
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly IEnumerable<ILessonFormGenerator> _generators;
    private readonly FormJobStore _jobs;
    private readonly ISession _session;

    internal LessonForms(IEnumerable<ILessonFormGenerator> generators, FormJobStore jobs, ISession session)
    {
        _generators = generators;
        _jobs = jobs;
        _session = session;
    }

    public async Task<IReadOnlyList<LessonForm>> ListAsync(ContentItem item)
    {
        var applicable = _generators.Where(g => g.SourceHash(item) is not null).ToList();
        if (applicable.Count == 0)
        {
            return [];
        }

        var rows = await _jobs.ListAsync(_session, item.ContentItemId);
        var forms = new List<LessonForm>();
        foreach (var generator in applicable)
        {
            var mine = rows.Where(r => r.Kind == generator.Kind).ToList();
            if (mine.FirstOrDefault(r => r.State == FormState.Ready) is { MediaKey: { } key } ready)
            {
                forms.Add(new LessonForm(generator.Kind, FormState.Ready, MediaKey.Url(key), ready.MediaType, ready.SizeBytes, ready.DurationSeconds,
                    ready.Sentences is null ? null : JsonSerializer.Deserialize<List<SentenceTiming>>(ready.Sentences, s_json), null, ready.Timings));
                continue;
            }

            var latest = mine.FirstOrDefault();
            forms.Add(new LessonForm(generator.Kind, latest?.State ?? FormState.Pending, null, null, null, null, generator.Outline(item), latest?.Error));
        }

        return forms;
    }
}
