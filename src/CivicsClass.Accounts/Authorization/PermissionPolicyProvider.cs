using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CivicsClass.Accounts.Authorization;

/// <summary>Turns a policy named <c>Permission:X</c> into a requirement for X, so endpoints name permissions directly.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = PermissionPolicy.Prefix;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(policyName[Prefix.Length..])).Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
