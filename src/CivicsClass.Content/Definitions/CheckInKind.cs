using System.Text.Json.Serialization;

namespace CivicsClass.Content.Definitions;

/// <summary>Whether workers check in at an item's place with its QR code, and when.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckInKind>))]
public enum CheckInKind
{
    None,

    /// <summary>Any time the place is open (a venue).</summary>
    Anytime,

    /// <summary>Only around the item's own hours, from its <c>StartsAt</c> and <c>EndsAt</c> fields (an event).</summary>
    AroundStart,
}
