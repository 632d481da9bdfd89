using CivicsClass.Data.Documents;

namespace CivicsClass.Web.Setup;

/// <summary>What first-start setup has done on this site, so that it is done once.</summary>
public sealed class SetupState : Document
{
    public DateTime? RecipeAppliedUtc { get; set; }
    public DateTime? SeedsImportedUtc { get; set; }
}
