namespace CivicsClass.Editorial;

/// <summary>
/// What the editorial pages let people do beyond editing content: submit it for review, review and publish it,
/// keep the taxonomies, shape the content types and move recipes in and out. Editing itself, one's own or
/// everyone's, and curating topics stay <see cref="ContentPermissions"/>: other modules check them too.
/// </summary>
public sealed class EditorialPermissions : IPermissionProvider
{
    public const string SubmitForReview = nameof(SubmitForReview);
    public const string PublishContent = nameof(PublishContent);
    public const string ManageTaxonomies = nameof(ManageTaxonomies);
    public const string ManageContentTypes = nameof(ManageContentTypes);
    public const string ImportExport = nameof(ImportExport);

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(SubmitForReview, "提交审核", "内容"),
        new(PublishContent, "审核发布", "内容"),
        new(ManageTaxonomies, "管理分类", "内容"),
        new(ManageContentTypes, "管理内容类型", "系统"),
        new(ImportExport, "导入导出配方", "系统"),
    ];
}
