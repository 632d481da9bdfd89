using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Security;

/// <summary>A role and the permissions it grants; defined by recipes, edited by administrators.</summary>
public sealed class Role : Document
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Permissions { get; set; } = [];
}
