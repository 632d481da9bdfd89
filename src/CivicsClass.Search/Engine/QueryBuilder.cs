using CivicsClass.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CivicsClass.Search.Engine;

/// <summary>
/// A parsed query as a Lucene query: each group must match (its alternatives are OR'd), no exclusion
/// may match, every filter must match without adding to the score. A word matches in any searched
/// field, weighted by the field; a phrase matches word after word in the title or the body.
/// </summary>
internal static class QueryBuilder
{
    /// <summary>Null when there is nothing to look for.</summary>
    public static Query? Build(SearchQuery query, IReadOnlyList<string> filters)
    {
        var root = new BooleanQuery(disableCoord: true);
        foreach (var group in query.Groups)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var alternative in group)
            {
                any.Add(Alternative(alternative), Occur.SHOULD);
            }

            root.Add(any, Occur.MUST);
        }

        foreach (var filter in filters)
        {
            root.Add(new TermQuery(new Term(IndexFields.Filter, filter)) { Boost = 0 }, Occur.MUST);
        }

        if (root.Clauses.Count == 0)
        {
            return null;
        }

        foreach (var exclusion in query.Exclusions)
        {
            root.Add(Alternative(exclusion), Occur.MUST_NOT);
        }

        return root;
    }

    /// <summary>Titles whose words, pinyin or initials start with what was typed.</summary>
    public static Query Prefix(string prefix)
    {
        var query = new BooleanQuery(disableCoord: true)
        {
            { new PrefixQuery(new Term(IndexFields.Title, prefix)) { Boost = 2 }, Occur.SHOULD },
            { new PrefixQuery(new Term(IndexFields.TitleRecall, prefix)), Occur.SHOULD },
            { new PrefixQuery(new Term(IndexFields.Names, prefix)), Occur.SHOULD },
        };
        return query;
    }

    private static Query Alternative(Alternative alternative)
    {
        if (alternative.IsPhrase)
        {
            var fields = new BooleanQuery(disableCoord: true);
            foreach (var (field, boost) in IndexFields.Phrased)
            {
                var phrase = new PhraseQuery { Boost = boost };
                foreach (var term in alternative.Terms)
                {
                    phrase.Add(new Term(field, term));
                }

                fields.Add(phrase, Occur.SHOULD);
            }

            return fields;
        }

        if (alternative.Terms.Count == 1)
        {
            return AnyField(alternative.Terms[0]);
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var term in alternative.Terms)
        {
            all.Add(AnyField(term), Occur.MUST);
        }

        return all;
    }

    private static BooleanQuery AnyField(string term)
    {
        var fields = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in IndexFields.Searched)
        {
            fields.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }

        return fields;
    }
}
