namespace CivicsClass.Learning.Points;

/// <summary>Why a reversal was refused.</summary>
internal enum ReversalRefusal
{
    None,
    NotFound,
    AlreadyReversed,
    IsCorrection,
}
