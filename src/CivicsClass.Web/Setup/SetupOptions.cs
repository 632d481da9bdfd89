namespace CivicsClass.Web.Setup;

/// <summary>Bound from the <c>Setup</c> configuration section.</summary>
public sealed class SetupOptions
{
    /// <summary>The recipe applied to an empty database; relative paths are looked up from the content root upwards.</summary>
    public string Recipe { get; set; } = "content-recipes/civics-class.recipe.json";

    public string Seeds { get; set; } = "seeds";

    public bool ImportSeeds { get; set; } = true;

    public string AdminUserName { get; set; } = "admin";

    /// <summary>When empty, a password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}
