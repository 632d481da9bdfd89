namespace CivicsClass.Content.Security;

/// <summary>Something a role may be allowed to do. Modules declare theirs through an <see cref="IPermissionProvider"/>.</summary>
public sealed record Permission(string Name, string DisplayName, string Group);

/// <summary>Declares a module's permissions, so roles can be granted them and recipes checked against them.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}

/// <summary>
/// The content engine's permissions: seeing content, editing one's own or everyone's, and curating topics, which
/// several modules check. Review, publishing, taxonomies, types and recipes are the editorial module's own.
/// </summary>
public sealed class ContentPermissions : IPermissionProvider
{
    public const string ViewContent = nameof(ViewContent);
    public const string EditOwnContent = nameof(EditOwnContent);
    public const string EditContent = nameof(EditContent);
    public const string ManageTopics = nameof(ManageTopics);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewContent, "浏览已发布内容", "内容"),
        new(EditOwnContent, "编辑自己的内容", "内容"),
        new(EditContent, "编辑所有内容", "内容"),
        new(ManageTopics, "策划专题", "内容"),
    ];
}
