using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CivicsClass.Search.Engine;

/// <summary>
/// The index folder as the writer sees it: searches read it through the memory map, but merges read
/// the segments they combine with ordinary buffered reads. A merge reads every byte of its segments
/// once; mapped, those pages would count in the process's resident memory until the merged segments
/// are deleted (a rebuild's merges read hundreds of MB), while read, they stay in the system's file cache.
/// </summary>
internal sealed class MergeReadsDirectory(FSDirectory mapped) : FilterDirectory(mapped)
{
    private readonly NIOFSDirectory _buffered = new(mapped.Directory, NoLockFactory.GetNoLockFactory());

    public override IndexInput OpenInput(string name, IOContext context) =>
        IsMerge(context) ? _buffered.OpenInput(name, context) : base.OpenInput(name, context);

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) =>
        IsMerge(context) ? _buffered.CreateSlicer(name, context) : m_input.CreateSlicer(name, context);

    /// <summary>Whether the writer opened the file to merge it.</summary>
    internal static bool IsMerge(IOContext context) => context.Context == IOContext.UsageContext.MERGE;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffered.Dispose();
        }

        base.Dispose(disposing);
    }
}
