using System.Security.Cryptography;
using CivicsClass.Contests.Questions;

namespace CivicsClass.Contests.Rounds;

/// <summary>
/// A fair draw: every question of the bank is equally likely, none drawn earlier the same day comes
/// again until the day has used the whole bank, and each question's options are shuffled. The
/// randomness is the operating system's, so no one can predict a draw from the time or their id.
/// </summary>
internal static class RoundDraw
{
    public static IReadOnlyList<DrawnQuestion> Draw(IReadOnlyList<BankQuestion> bank, IReadOnlySet<string> drawnToday, int count)
    {
        var picked = Pick(bank.Where(q => !drawnToday.Contains(q.Id)).ToList(), count);
        if (picked.Count < count)
        {
            // The day has seen the whole bank: only now may a question come back, never twice in one round.
            var taken = picked.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            picked.AddRange(Pick(bank.Where(q => !taken.Contains(q.Id)).ToList(), count - picked.Count));
        }

        return picked.Select(Shuffle).ToList();
    }

    /// <summary>The first <paramref name="count"/> places of a Fisher–Yates shuffle: a uniform sample without repeats.</summary>
    private static List<BankQuestion> Pick(List<BankQuestion> pool, int count)
    {
        var take = Math.Min(count, pool.Count);
        for (var i = 0; i < take; i++)
        {
            var j = RandomNumberGenerator.GetInt32(i, pool.Count);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.GetRange(0, take);
    }

    private static DrawnQuestion Shuffle(BankQuestion question)
    {
        var order = Enumerable.Range(0, question.Question.Options.Count).ToArray();
        RandomNumberGenerator.Shuffle(order.AsSpan());
        return new DrawnQuestion(question.Id, question.Question.Question, order.Select(i => question.Question.Options[i]).ToList(),
            Array.IndexOf(order, question.Question.Answer), question.Question.Explanation);
    }
}
