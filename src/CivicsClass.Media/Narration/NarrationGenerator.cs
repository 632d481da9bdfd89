using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CivicsClass.Content.Items;
using CivicsClass.Media.Forms;
using Microsoft.Extensions.Options;

namespace CivicsClass.Media.Narration;

/// <summary>
/// Narration (听课): each sentence of the lesson spoken by <see cref="ISpeechSynthesizer"/> on its own, so its
/// start and end are known, joined with short pauses and encoded to MP3 for phones on mobile data.
/// </summary>
internal sealed class NarrationGenerator(ISpeechSynthesizer speech, IOptions<NarrationOptions> options) : ILessonFormGenerator
{
    public const string FormKind = FormKinds.Narration;

    // Raised when what is read or how it is cut into sentences changes, so every narration is made again.
    private const string ScriptVersion = "narration-1";

    private readonly CommandTemplate _encoder = new(options.Value.EncoderCommand);

    public string Kind => FormKind;

    public IReadOnlyList<string> ContentTypes => options.Value.ContentTypes;

    public bool IsAvailable => speech.IsAvailable && _encoder.ExecutablePath is not null;

    public string? SourceHash(ContentItem item)
    {
        if (!options.Value.ContentTypes.Contains(item.ContentType, StringComparer.Ordinal))
        {
            return null;
        }

        var script = NarrationScript.For(item);
        if (script.Count == 0)
        {
            return null;
        }

        var source = new StringBuilder().AppendLine(ScriptVersion).AppendLine(speech.Voice).AppendLine(_encoder.Text)
            .AppendLine(options.Value.PauseMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var sentence in script)
        {
            source.Append(sentence.Shown).Append('\t').AppendLine(sentence.Spoken);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString())));
    }

    public IReadOnlyList<SentenceTiming> Outline(ContentItem item) =>
        NarrationScript.For(item).Select(s => new SentenceTiming(s.Shown, null, null)).ToList();

    public async Task<GeneratedForm> GenerateAsync(ContentItem item, string workFolder, CancellationToken cancellationToken)
    {
        if (!speech.IsAvailable)
        {
            throw new FormEngineUnavailableException(speech.Unavailable ?? "语音合成引擎不可用");
        }

        if (_encoder.ExecutablePath is null)
        {
            throw new FormEngineUnavailableException($"音频编码程序不可用：找不到 {_encoder.Program}");
        }

        var script = NarrationScript.For(item);
        var pause = TimeSpan.FromMilliseconds(options.Value.PauseMilliseconds);
        var wav = Path.Combine(workFolder, "narration.wav");
        var sentences = new List<SentenceTiming>(script.Count);
        var watch = Stopwatch.StartNew();
        double seconds;
        using (var joiner = new WaveJoiner(wav))
        {
            for (var i = 0; i < script.Count; i++)
            {
                var clip = Path.Combine(workFolder, $"s{i}.wav");
                await speech.SynthesizeAsync(script[i].Spoken, clip, cancellationToken);
                if (i > 0)
                {
                    joiner.Pause(pause);
                }

                var (start, end) = joiner.Append(clip);
                File.Delete(clip);
                sentences.Add(new SentenceTiming(script[i].Shown, Math.Round(start, 2), Math.Round(end, 2)));
            }

            joiner.Finish();
            seconds = joiner.Seconds;
        }

        var synthesis = watch.Elapsed.TotalMilliseconds;
        var mp3 = Path.Combine(workFolder, "narration.mp3");
        await _encoder.RunAsync(new Dictionary<string, string> { ["{input}"] = wav, ["{output}"] = mp3 }, null, TimeSpan.FromMinutes(10), cancellationToken);
        var steps = new Dictionary<string, double>
        {
            ["synthesis"] = synthesis,
            ["encoding"] = watch.Elapsed.TotalMilliseconds - synthesis,
        };
        return new GeneratedForm(mp3, ".mp3", "audio/mpeg", Math.Round(seconds, 2), sentences, steps);
    }
}
