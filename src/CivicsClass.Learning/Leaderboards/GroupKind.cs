namespace CivicsClass.Learning.Leaderboards;

public enum GroupKind
{
    Organisation,
    Region,
}
