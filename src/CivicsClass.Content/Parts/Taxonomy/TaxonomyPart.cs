namespace CivicsClass.Content.Parts;

public sealed class TaxonomyPart
{
    public List<TaxonomyTerm> Terms { get; set; } = [];
}
