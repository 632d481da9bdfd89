namespace CivicsClass.Media.Forms;

/// <summary>A claimed job: which item, which form, made from what, and the token that proves the claim is still this worker's.</summary>
internal sealed record FormJob(long Id, string ContentItemId, string Kind, string SourceHash, int Attempts, string ClaimToken, DateTime CreatedUtc);
