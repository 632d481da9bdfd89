namespace CivicsClass.Media.Narration;

/// <summary>
/// Any speech engine that can be run as a command writing a WAV file: <c>{output}</c> is the file to
/// write, <c>{text}</c> the sentence as one argument; without <c>{text}</c> the sentence is written to
/// its standard input. espeak-ng is the default (<see cref="NarrationOptions.SpeechCommand"/>).
/// </summary>
internal sealed class CommandSpeechSynthesizer(CommandTemplate command) : ISpeechSynthesizer
{
    public string Voice => command.Text;

    public bool IsAvailable => command.ExecutablePath is not null;

    public string? Unavailable => IsAvailable ? null : $"语音合成引擎不可用：找不到 {command.Program}";

    public Task SynthesizeAsync(string text, string wavPath, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, string> { ["{output}"] = wavPath, ["{text}"] = text };
        return command.RunAsync(values, command.Uses("{text}") ? null : text, TimeSpan.FromMinutes(1), cancellationToken);
    }
}
