using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;

namespace CivicsClass.Contests.Contests;

/// <summary>Who may take part: everyone, or the members of the chosen organisations and of every organisation under them.</summary>
internal sealed class Eligibility(TaxonomyService taxonomies, ISession session)
{
    public const string OrganisationTaxonomy = "Organisation";

    public async Task<bool> AllowsAsync(Contest contest, string? organisationId)
    {
        if (contest.OrganisationIds.Count == 0)
        {
            return true;
        }

        if (organisationId is null)
        {
            return false;
        }

        var taxonomy = await taxonomies.GetTaxonomyAsync(OrganisationTaxonomy, session, published: true);
        var chosen = contest.OrganisationIds.ToHashSet(StringComparer.Ordinal);
        return Within(taxonomy?.Part<TaxonomyPart>().Terms ?? [], chosen, organisationId, inside: false);
    }

    private static bool Within(IEnumerable<TaxonomyTerm> terms, IReadOnlySet<string> chosen, string organisationId, bool inside)
    {
        foreach (var term in terms)
        {
            var here = inside || chosen.Contains(term.Id);
            if ((here && term.Id == organisationId) || Within(term.Children, chosen, organisationId, here))
            {
                return true;
            }
        }

        return false;
    }
}
