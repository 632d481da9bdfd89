namespace CivicsClass.Contests.Map;

internal enum MapPointState
{
    /// <summary>Not open yet: its day has not come.</summary>
    Locked,

    /// <summary>Open: passing a round lights it.</summary>
    Open,
    Lit,
}
