namespace CivicsClass.Search.Engine;

/// <summary>Another process on this node (a running site) holds the index; it follows the log itself.</summary>
public sealed class SearchIndexInUseException(string path, Exception inner)
    : Exception($"搜索索引 {path} 正被本机另一个进程（运行中的站点）使用；它会按索引日志自行更新。The search index at {path} is in use by another process on this node, which follows the index log itself.", inner);
