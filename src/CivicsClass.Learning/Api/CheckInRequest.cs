namespace CivicsClass.Learning.Api;

/// <summary>The code read from an event's or venue's QR code.</summary>
internal sealed record CheckInRequest(string? Code);
