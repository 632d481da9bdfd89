using CivicsClass.Content.Parts;

namespace CivicsClass.Theme.Models;

/// <summary>What the layout needs to describe a page: title, description, canonical address and Open Graph image.</summary>
public sealed record PageMeta(string Title, string? Description = null, string? CanonicalPath = null, string? Image = null, string OpenGraphType = "website");

/// <summary>Every page's view model carries its meta data for the layout, and a content page the sections its parts add.</summary>
public abstract record PageViewModel(PageMeta Meta)
{
    public IReadOnlyList<PartSection> Sections { get; init; } = [];
}
