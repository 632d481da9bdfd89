namespace CivicsClass.Data.Jobs;

/// <summary>How a run ended, as stored in <c>job_claim.outcome</c>; no outcome yet means it is running or its node stopped in it.</summary>
public static class JobOutcomes
{
    public const string Done = "done";
    public const string Failed = "failed";
}
