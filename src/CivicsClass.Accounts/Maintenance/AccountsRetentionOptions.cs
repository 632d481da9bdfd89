namespace CivicsClass.Accounts.Maintenance;

/// <summary>Settings under <c>Maintenance</c> for how long sign-in rows are kept after nothing needs them.</summary>
public sealed class AccountsRetentionOptions
{
    /// <summary>How long a signed-out session's row is kept: it already signs nobody in.</summary>
    public int EndedSignInSessionHours { get; set; } = 24;

    /// <summary>How long any session's row is kept from its start: older ones belong to cookies long expired (as when a sign-in tidies a person's own rows).</summary>
    public int SignInSessionDays { get; set; } = 400;

    /// <summary>How long failed sign-in counts are kept; never less than the throttle's window, past which they count for nothing.</summary>
    public int SignInThrottleHours { get; set; } = 1;

    /// <summary>How long a refresh-token family is kept after its last token expired; until then a stolen old token still ends the family.</summary>
    public int RefreshTokenFamilyHours { get; set; } = 24;
}
