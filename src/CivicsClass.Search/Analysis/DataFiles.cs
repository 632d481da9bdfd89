using System.IO.Compression;
using System.Reflection;

namespace CivicsClass.Search.Analysis;

/// <summary>Reads the analysis tables embedded in this assembly (see Data/README.md for their sources).</summary>
internal static class DataFiles
{
    public static IEnumerable<string[]> ReadTsv(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data file {name} is missing.");
        using var source = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(source);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split('\t');
            }
        }
    }
}
