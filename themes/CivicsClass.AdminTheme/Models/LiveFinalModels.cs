namespace CivicsClass.AdminTheme.Models;

// Live finals for editors: open a room with its teams, then push the questions one by one.

public sealed record LiveTeamChoice(string Id, string Name, int Depth);

public sealed record LiveRoomLink(string Id, string Opened, string State);

public sealed record LiveFinalIndexViewModel(string Title, string ContestId, bool Offered, IReadOnlyList<LiveTeamChoice> Organisations,
    IReadOnlyList<LiveRoomLink> Rooms, string? Error);

public sealed record LiveTeamRow(int Rank, string Name, int Players, int Correct, int Score);

/// <summary>The editor's controls: <paramref name="Position"/> is the question on screen (0 before the first), posted back so a double press moves once.</summary>
public sealed record LiveFinalRoomViewModel(string Title, string RoomId, string ContestId, string Stage, int Position, int Total, string? Question,
    string? Answer, int Answers, int Seconds, IReadOnlyList<LiveTeamRow> Teams, string ProjectorUrl, string JoinUrl, string? Message, string? Error);
