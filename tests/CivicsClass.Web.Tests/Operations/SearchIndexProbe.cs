using CivicsClass.Search.Engine;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace CivicsClass.Web.Tests.Operations;

/// <summary>Looks into a node's Lucene index as another process would: its documents, and the cursor its last commit holds.</summary>
internal static class SearchIndexProbe
{
    /// <summary>Documents in the index, and distinct content item ids among them.</summary>
    public static (int Documents, int Distinct) Count(SearchIndex index)
    {
        using var directory = FSDirectory.Open(index.Folder);
        using var reader = DirectoryReader.Open(directory);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var live = MultiFields.GetLiveDocs(reader);
        var documents = 0;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                documents++;
                ids.Add(reader.Document(doc).Get("id"));
            }
        }

        return (documents, ids.Count);
    }

    /// <summary>The cursor of the last commit in a folder; -1 when there is none yet (or it is being written).</summary>
    public static long CommittedCursor(string folder)
    {
        try
        {
            using var directory = FSDirectory.Open(folder);
            if (!DirectoryReader.IndexExists(directory))
            {
                return -1;
            }

            var commits = DirectoryReader.ListCommits(directory);
            return commits[^1].UserData.TryGetValue("cursor", out var text) && long.TryParse(text, out var cursor) ? cursor : -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
