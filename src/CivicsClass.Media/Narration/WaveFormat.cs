namespace CivicsClass.Media.Narration;

/// <summary>The PCM layout of a WAV file.</summary>
internal sealed record WaveFormat(int Channels, int SampleRate, int BitsPerSample)
{
    public int BlockAlign => Channels * BitsPerSample / 8;

    public int BytesPerSecond => SampleRate * BlockAlign;
}
