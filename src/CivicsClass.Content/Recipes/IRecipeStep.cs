using System.Text.Json.Nodes;
using CivicsClass.Data.Documents;

namespace CivicsClass.Content.Recipes;

/// <summary>
/// A named recipe step (<c>ContentDefinition</c>, <c>Taxonomies</c>, …). Modules add their own.
/// Every step is validated before any is executed; execution must be idempotent: running the same
/// step twice leaves one copy of everything.
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    void Validate(JsonObject step, RecipeValidation validation);

    Task ExecuteAsync(JsonObject step, RecipeStepContext context);
}

public sealed record RecipeStepContext(ISession Session, string Path);
