namespace CivicsClass.Media.Forms;

/// <summary>A sentence as shown, with the seconds at which its narration starts and ends (null before the audio is made).</summary>
public sealed record SentenceTiming(string Text, double? Start, double? End);
