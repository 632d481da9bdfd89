namespace CivicsClass.Theme.Models;

// A contest's live final: a worker's phone (join, then answer what the server pushes) and the hall's projector.

/// <summary>
/// A phone in a live final. <paramref name="TeamName"/> is null until the person has joined; <paramref name="Refusal"/>
/// says why they cannot join, when they cannot.
/// </summary>
public sealed record LiveFinalPhoneViewModel(PageMeta Meta, string RoomId, string ContestTitle, string ContestUrl, string? TeamName, string? Refusal, bool Finished)
    : PageViewModel(Meta);

/// <summary>The projector in the hall: the question, its countdown and the teams' scores, all from the room's stream.</summary>
public sealed record LiveFinalProjectorViewModel(PageMeta Meta, string RoomId, string ContestTitle, string JoinUrl, string JoinQrSvg) : PageViewModel(Meta);
