namespace CivicsClass.Accounts.SignIn;

/// <summary>Bound from the <c>RateLimits</c> section: how many failed sign-ins go unslowed before each further one waits.</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Failures for one account within <see cref="SignInThrottle.Window"/> before its waits begin.</summary>
    public int FreeSignInFailuresPerAccount { get; set; } = 5;

    /// <summary>Failures from one address within <see cref="SignInThrottle.Window"/> before its waits begin.</summary>
    public int FreeSignInFailuresPerAddress { get; set; } = 20;
}
