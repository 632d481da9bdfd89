namespace CivicsClass.Content.Security;

/// <summary>
/// Names an authorization policy after a permission: <c>Permission:X</c> requires X. The host turns
/// such a name into a requirement, so every module's endpoints name permissions directly.
/// </summary>
public static class PermissionPolicy
{
    public const string Prefix = "Permission:";

    public static string For(string permission) => Prefix + permission;
}
