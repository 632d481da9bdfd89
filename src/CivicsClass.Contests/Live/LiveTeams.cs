using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Contests.Contests;
using CivicsClass.Data.Documents;

namespace CivicsClass.Contests.Live;

/// <summary>
/// Teams are organisations of the union tree: a member of a chosen organisation, or of one under it,
/// plays for the nearest chosen organisation above them (their own when it was chosen).
/// </summary>
internal sealed class LiveTeams(TaxonomyService taxonomies, ISession session)
{
    /// <summary>Every organisation in tree order with its depth, for the editor to choose from.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, int Depth)>> AllAsync()
    {
        var list = new List<(string, string, int)>();
        void Walk(IEnumerable<TaxonomyTerm> terms, int depth)
        {
            foreach (var term in terms)
            {
                list.Add((term.Id, term.Name, depth));
                Walk(term.Children, depth + 1);
            }
        }

        Walk(await TermsAsync(), 0);
        return list;
    }

    /// <summary>The team a member of <paramref name="organisationId"/> plays for, or null when none of <paramref name="teams"/> holds it.</summary>
    public async Task<string?> TeamOfAsync(IReadOnlyList<string> teams, string? organisationId)
    {
        if (organisationId is null)
        {
            return null;
        }

        var chosen = teams.ToHashSet(StringComparer.Ordinal);
        string? Find(IEnumerable<TaxonomyTerm> terms, string? team)
        {
            foreach (var term in terms)
            {
                var here = chosen.Contains(term.Id) ? term.Id : team;
                if (term.Id == organisationId)
                {
                    return here;
                }

                if (Find(term.Children, here) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        return Find(await TermsAsync(), null);
    }

    private async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync() =>
        (await taxonomies.GetTaxonomyAsync(Eligibility.OrganisationTaxonomy, session, published: true))?.Part<TaxonomyPart>().Terms ?? [];
}
