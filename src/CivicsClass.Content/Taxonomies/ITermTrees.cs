using CivicsClass.Content.Parts;

namespace CivicsClass.Content.Taxonomies;

/// <summary>The published taxonomies' terms by alias (<c>Theme</c>, <c>Region</c>, <c>Organisation</c>…), for modules that name or roll up terms.</summary>
public interface ITermTrees
{
    /// <summary>The taxonomy's top terms, each holding its children; empty when there is no such taxonomy.</summary>
    Task<IReadOnlyList<TaxonomyTerm>> RootsAsync(string alias);

    /// <summary>A term's name, or null when the taxonomy or the term is unknown.</summary>
    Task<string?> NameAsync(string alias, string termId);
}
