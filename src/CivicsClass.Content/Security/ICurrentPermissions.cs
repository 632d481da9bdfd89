namespace CivicsClass.Content.Security;

/// <summary>What the person making the current request may do, for checks that depend on an item's owner and for deciding what to show.</summary>
public interface ICurrentPermissions
{
    /// <summary>The signed-in person's id, or null for a visitor.</summary>
    string? UserId { get; }

    Task<bool> HasAsync(string permission);
}
