namespace CivicsClass.Content.Parts;

public sealed class TaxonomyTerm
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<TaxonomyTerm> Children { get; set; } = [];
}
