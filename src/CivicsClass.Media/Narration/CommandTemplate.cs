using System.Diagnostics;
using System.Text;

namespace CivicsClass.Media.Narration;

/// <summary>
/// A command line from the settings, such as <c>espeak-ng -v cmn -w {output} --stdin</c>: split into
/// words (double quotes keep spaces), its placeholders filled per run and passed as separate arguments,
/// never through a shell, so text in a lesson can never become part of a command.
/// </summary>
internal sealed class CommandTemplate
{
    private readonly IReadOnlyList<string> _words;

    public CommandTemplate(string template)
    {
        Text = template;
        _words = Split(template);
        if (_words.Count == 0)
        {
            throw new ArgumentException("A command template needs at least the program's name.", nameof(template));
        }

        Program = _words[0];
        ExecutablePath = Find(Program);
    }

    public string Text { get; }

    public string Program { get; }

    /// <summary>The program found on disk or on the PATH; null when it is not installed.</summary>
    public string? ExecutablePath { get; }

    public bool Uses(string placeholder) => _words.Any(w => w.Contains(placeholder, StringComparison.Ordinal));

    /// <summary>Runs the command with the placeholders filled, writing <paramref name="input"/> (if any) to its standard input; throws with its error output when it fails.</summary>
    public async Task RunAsync(IReadOnlyDictionary<string, string> values, string? input, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath ?? Program)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var word in _words.Skip(1))
        {
            start.ArgumentList.Add(values.Aggregate(word, (w, v) => w.Replace(v.Key, v.Value, StringComparison.Ordinal)));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Program} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Program} took longer than {timeout.TotalSeconds:0} s.");
        }

        await Task.WhenAll(errors, output);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Program} exited with {process.ExitCode}: {(await errors).Trim()}");
        }
    }

    private static List<string> Split(string template)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in template)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    any = false;
                }
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string? Find(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }
}
