namespace CivicsClass.Content.Editing;

/// <summary>
/// One input of the generated editor. <see cref="Kind"/> picks the editor: text, textarea, markdown, lines, choice, number, date, boolean, image, url, picker, terms, geo, quiz, list, slug, owner.
/// A url with <see cref="MediaPicker"/> (audio, video) offers the media library's files of that kind.
/// </summary>
public sealed record EditorField(
    string Name,
    string Label,
    string Kind,
    string ErrorKey,
    string? Value = null,
    IReadOnlyList<string>? Values = null,
    IReadOnlyList<EditorOption>? Options = null,
    bool Required = false,
    bool Multiple = false,
    int? MaxLength = null,
    string? Hint = null,
    IReadOnlyList<QuizRow>? Quiz = null,
    IReadOnlyList<ListRow>? List = null,
    string? Prefix = null,
    string? Value2 = null,
    string? MediaPicker = null);
