namespace CivicsClass.Learning.Study;

public sealed record CourseProgress(string CourseId, int Lessons, int Studied)
{
    public int Percent => Lessons == 0 ? 0 : Studied * 100 / Lessons;
    public bool Finished => Lessons > 0 && Studied >= Lessons;
}
