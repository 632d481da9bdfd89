using CivicsClass.Benchmarks;
using CivicsClass.Benchmarks.Content;

// Speed figures, each beside a ceiling measured in the same run: this machine is shared and noisy.
var options = BenchmarkOptions.Parse(args);
switch (options.Command)
{
    case "content":
        await ContentBenchmark.RunAsync(options);
        return 0;
    default:
        Console.Error.WriteLine("usage: content [--items N] [--queries N] [--postgres CONNECTION_STRING] [--sqlite-only]");
        return 2;
}
