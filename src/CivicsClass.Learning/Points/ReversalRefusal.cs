namespace CivicsClass.Learning.Points;

/// <summary>Why a reversal was refused.</summary>
public enum ReversalRefusal
{
    None,
    NotFound,
    AlreadyReversed,
    IsCorrection,
}
