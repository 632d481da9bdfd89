using System.Net;
using System.Text.RegularExpressions;
using CivicsClass.Testing;
using Xunit;

namespace CivicsClass.Web.Tests.Study;

/// <summary>The daily quiz page says it is done for today once it was submitted, instead of offering a form the server would refuse.</summary>
public abstract partial class DailyQuizPageTests<TProvider>(ClockedSiteHost<TProvider> host) : IClassFixture<ClockedSiteHost<TProvider>>
    where TProvider : IDatabaseProvider, new()
{
    private const string Password = "xuexi2026";

    [SkippableFact]
    public async Task DailyQuiz_AfterSubmitting_SaysDoneForToday_AndOffersNoForm()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000021", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000021", Password);

        var before = await worker.GetStringAsync("/learning/daily-quiz");
        var answers = AnswerPattern().Matches(before).Select(m => m.Groups[1].Value).Distinct().Select(name => KeyValuePair.Create(name, "0")).ToList();
        var submitted = await worker.PostAsync("/learning/daily-quiz", "/learning/daily-quiz", answers);
        var after = await worker.GetStringAsync("/learning/daily-quiz");

        Assert.NotEmpty(answers);
        Assert.DoesNotContain("今日已完成", before);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("今日已完成", after);
        Assert.DoesNotContain("action=\"/learning/daily-quiz\"", after);
    }

    [GeneratedRegex("name=\"(a:[^\"]+)\"")]
    private static partial Regex AnswerPattern();
}

public sealed class SqliteDailyQuizPageTests(ClockedSiteHost<Sqlite> host) : DailyQuizPageTests<Sqlite>(host);

public sealed class PostgresDailyQuizPageTests(ClockedSiteHost<Postgres> host) : DailyQuizPageTests<Postgres>(host);
