namespace CivicsClass.Learning.Points;

/// <summary>
/// What the ledger did with an award: the entry it wrote (or found, when the key had been used),
/// the points it paid, and what the rule asked for (more than paid when the daily cap held it back).
/// </summary>
public sealed record AwardResult(long EntryId, int Points, int Requested, bool Duplicate, string? Reference)
{
    public bool Capped => Points < Requested;
}
