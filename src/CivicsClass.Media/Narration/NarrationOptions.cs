namespace CivicsClass.Media.Narration;

/// <summary>The <c>Narration</c> section of the settings.</summary>
internal sealed class NarrationOptions
{
    /// <summary>The espeak-ng command the site uses when no other engine is configured.</summary>
    public const string DefaultSpeechCommand = "espeak-ng -v cmn -s 165 -w {output} --stdin";

    /// <summary>MP3 at 24 kbit/s, mono, 16 kHz: about 180 KB a minute, playable by every phone browser.</summary>
    public const string DefaultEncoderCommand = "lame --quiet -m m -b 24 --resample 16 {input} {output}";

    /// <summary>
    /// The speech engine as a command line: <c>{output}</c> is the WAV file it writes, <c>{text}</c> the
    /// sentence (given on standard input when absent). Another engine replaces espeak-ng by setting this.
    /// </summary>
    public string SpeechCommand { get; set; } = DefaultSpeechCommand;

    /// <summary>Turns the whole narration's WAV (<c>{input}</c>) into the MP3 file served (<c>{output}</c>).</summary>
    public string EncoderCommand { get; set; } = DefaultEncoderCommand;

    /// <summary>Silence between sentences, in milliseconds.</summary>
    public int PauseMilliseconds { get; set; } = 250;

    /// <summary>The content types that are narrated.</summary>
    public string[] ContentTypes { get; set; } = ["Lesson"];
}
