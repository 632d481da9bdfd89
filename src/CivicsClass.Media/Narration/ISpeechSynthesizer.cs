namespace CivicsClass.Media.Narration;

/// <summary>Turns one sentence of text into speech. The embedded default runs espeak-ng with its Mandarin voice.</summary>
internal interface ISpeechSynthesizer
{
    /// <summary>What makes the voice: a different engine or voice makes every narration again.</summary>
    string Voice { get; }

    /// <summary>Whether the engine is installed on this node.</summary>
    bool IsAvailable { get; }

    /// <summary>Why not, in a sentence, when <see cref="IsAvailable"/> is false.</summary>
    string? Unavailable { get; }

    /// <summary>Writes the spoken sentence to <paramref name="wavPath"/> as a RIFF WAVE file of 16-bit PCM.</summary>
    Task SynthesizeAsync(string text, string wavPath, CancellationToken cancellationToken = default);
}
