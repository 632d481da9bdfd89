namespace CivicsClass.Learning.Study;

public sealed record LessonState(string ContentItemId, DateTime StartedUtc, DateTime? StudiedUtc, DateTime? QuizPassedUtc);
