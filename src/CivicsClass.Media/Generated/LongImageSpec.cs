namespace CivicsClass.Media.Generated;

/// <summary>Everything a lesson's long image (长图) is drawn from; its hash names the image.</summary>
/// <param name="Url">The lesson's absolute address, which the QR code opens.</param>
/// <param name="QuizQuestion">The first question of the lesson's quiz, as a teaser, or null when it has none.</param>
public sealed record LongImageSpec(
    string Title,
    string? Summary,
    string? Lecturer,
    string? LecturerCategory,
    IReadOnlyList<string> KeyPoints,
    string? QuizQuestion,
    IReadOnlyList<string> QuizOptions,
    string SiteName,
    string Url,
    string Motif,
    int Palette);
