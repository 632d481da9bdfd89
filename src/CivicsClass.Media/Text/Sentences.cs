using System.Text;

namespace CivicsClass.Media.Text;

/// <summary>Cuts a block of text into sentences after 。！？；…, keeping closing quotes and brackets with the sentence they end.</summary>
internal static class Sentences
{
    private const string Enders = "。！？；!?;…";
    private const string Closers = "”’」』）)】》\"'";

    public static IEnumerable<string> Split(string text)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            current.Append(c);
            var ends = Enders.Contains(c)
                // A full stop ends an English sentence, not a decimal (18.61) or an abbreviation run together.
                || (c == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && i > 0 && !char.IsAsciiDigit(text[i - 1]));
            if (!ends)
            {
                continue;
            }

            while (i + 1 < text.Length && (Enders.Contains(text[i + 1]) || Closers.Contains(text[i + 1])))
            {
                current.Append(text[++i]);
            }

            if (Take(current) is { } sentence)
            {
                yield return sentence;
            }
        }

        if (Take(current) is { } last)
        {
            yield return last;
        }
    }

    private static string? Take(StringBuilder buffer)
    {
        var sentence = buffer.ToString().Trim();
        buffer.Clear();
        // Punctuation alone ("——", "……") says nothing.
        return sentence.Any(char.IsLetterOrDigit) ? sentence : null;
    }
}
