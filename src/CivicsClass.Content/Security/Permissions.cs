namespace CivicsClass.Content.Security;

/// <summary>Something a role may be allowed to do. Modules declare theirs through an <see cref="IPermissionProvider"/>.</summary>
public sealed record Permission(string Name, string DisplayName, string Group);

/// <summary>Declares a module's permissions, so roles can be granted them and recipes checked against them.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();
}

/// <summary>The content engine's permissions.</summary>
public sealed class ContentPermissions : IPermissionProvider
{
    public const string ViewContent = nameof(ViewContent);
    public const string EditOwnContent = nameof(EditOwnContent);
    public const string EditContent = nameof(EditContent);
    public const string SubmitForReview = nameof(SubmitForReview);
    public const string PublishContent = nameof(PublishContent);
    public const string ManageTopics = nameof(ManageTopics);
    public const string ManageTaxonomies = nameof(ManageTaxonomies);
    public const string ManageContentTypes = nameof(ManageContentTypes);
    public const string ImportExport = nameof(ImportExport);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ViewContent, "浏览已发布内容", "内容"),
        new(EditOwnContent, "编辑自己的内容", "内容"),
        new(EditContent, "编辑所有内容", "内容"),
        new(SubmitForReview, "提交审核", "内容"),
        new(PublishContent, "审核发布", "内容"),
        new(ManageTopics, "策划专题", "内容"),
        new(ManageTaxonomies, "管理分类", "内容"),
        new(ManageContentTypes, "管理内容类型", "系统"),
        new(ImportExport, "导入导出配方", "系统"),
    ];
}
