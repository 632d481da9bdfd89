namespace CivicsClass.Learning.Study;

internal sealed record LessonState(string ContentItemId, DateTime StartedUtc, DateTime? StudiedUtc, DateTime? QuizPassedUtc);
