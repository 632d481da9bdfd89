using System.Text.RegularExpressions;

namespace CivicsClass.Search.Analysis;

/// <summary>
/// Splits normalised text into tokens. Chinese runs follow the most probable path through the graph
/// of dictionary words (each character may start several words; the path maximises the product of
/// word probabilities), as jieba does; Latin words and numbers are kept whole with a trailing unit
/// (<c>2025年</c>, <c>18.61万</c>, <c>95%</c>); punctuation and spaces separate tokens.
/// </summary>
public sealed partial class Segmenter(WordDictionary dictionary)
{
    public IReadOnlyList<Token> Segment(string normalised)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < normalised.Length)
        {
            var c = normalised[i];
            if (TextNormaliser.IsCjk(c))
            {
                var end = i;
                while (end < normalised.Length && TextNormaliser.IsCjk(normalised[end]))
                {
                    end++;
                }

                SegmentChinese(normalised, i, end, tokens);
                i = end;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is >= '\u00C0' and <= '\u024F')
            {
                var match = LatinToken().Match(normalised, i);
                var length = match.Success && match.Index == i ? match.Length : 1;
                tokens.Add(new Token(normalised.Substring(i, length), i, TokenKind.Latin));
                i += length;
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }

    private void SegmentChinese(string text, int start, int end, List<Token> tokens)
    {
        var length = end - start;
        var best = new double[length + 1];
        var next = new int[length + 1];
        for (var k = length - 1; k >= 0; k--)
        {
            best[k] = double.NegativeInfinity;
            var limit = Math.Min(length, k + WordDictionary.MaxWordLength);
            for (var j = k + 1; j <= limit; j++)
            {
                var isWord = dictionary.TryGetLogProbability(text.AsSpan(start + k, j - k), out var p);
                if (!isWord && j > k + 1)
                {
                    continue;
                }

                var score = (isWord ? p : dictionary.UnknownLogProbability) + best[j];
                if (score > best[k])
                {
                    best[k] = score;
                    next[k] = j;
                }
            }
        }

        for (var k = 0; k < length; k = next[k])
        {
            var word = text.Substring(start + k, next[k] - k);
            var kind = word.Length > 1 || dictionary.Contains(word) ? TokenKind.Word : TokenKind.Unknown;
            tokens.Add(new Token(word, start + k, kind));
        }
    }

    [GeneratedRegex(@"\G[0-9a-z\u00C0-\u024F]+(?:\.\d+)*(?:%|万|亿|千|百|年|月|日|号|届|次|岁|元|名|人)?")]
    private static partial Regex LatinToken();
}
