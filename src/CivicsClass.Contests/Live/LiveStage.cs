namespace CivicsClass.Contests.Live;

/// <summary>Where a live final stands: waiting for teams, a question open for answers, its time up, or over.</summary>
internal enum LiveStage
{
    Lobby,
    Question,
    Closed,
    Finished,
}
