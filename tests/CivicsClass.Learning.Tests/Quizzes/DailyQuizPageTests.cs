using System.Net;
using System.Text.RegularExpressions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Learning.Quizzes;
using CivicsClass.Testing;
using CivicsClass.Testing.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CivicsClass.Learning.Tests.Quizzes;

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

    [SkippableFact]
    public async Task DailyQuiz_LessonsPublishedLaterThatDay_LeaveTodaysQuestionsAsTheyWereShown()
    {
        var factory = await host.GetAsync();
        await FormClient.CreateUserAsync(factory, "13600000022", Password, "Worker");
        using var worker = await FormClient.SignedInAsync(factory, "13600000022", Password);

        var before = await worker.GetStringAsync("/learning/daily-quiz");
        var newLesson = await PublishLessonWithQuizAsync(factory, "daily-quiz-stable-" + typeof(TProvider).Name.ToLowerInvariant());
        var after = await worker.GetStringAsync("/learning/daily-quiz");

        var shown = AnswerPattern().Matches(before).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(shown, AnswerPattern().Matches(after).Select(m => m.Groups[1].Value).Distinct().ToList());
        Assert.DoesNotContain(shown, name => name.Contains(newLesson, StringComparison.Ordinal));
    }

    /// <summary>A copy of a seeded lesson, quiz included, published; returns once the question bank holds its questions.</summary>
    private static async Task<string> PublishLessonWithQuizAsync(SiteFactory factory, string slug)
    {
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var source = (await content.GetByPathAsync("lessons/anyuan-great-strike-1922"))!;
            var copy = await content.NewAsync("Lesson");
            copy.Content = (System.Text.Json.Nodes.JsonObject)source.Content.DeepClone();
            copy.DisplayText = "每日一题新课：" + slug;
            copy.Apply(new TitlePart { Title = copy.DisplayText });
            copy.Apply(new AutoroutePart { Path = "lessons/" + slug });
            id = (await content.CreateAsync(copy, publish: true)).ContentItemId;
            await scope.ServiceProvider.GetRequiredService<CivicsClass.Data.Documents.ISession>().SaveChangesAsync();
        }

        var bank = factory.Services.GetRequiredService<QuestionBank>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(await bank.GetAsync()).Any(q => q.Id.StartsWith(id + ":", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < until, "the new lesson's questions never reached the question bank");
            await Task.Delay(100);
        }

        return id;
    }

    [GeneratedRegex("name=\"(a:[^\"]+)\"")]
    private static partial Regex AnswerPattern();
}

public sealed class SqliteDailyQuizPageTests(ClockedSiteHost<Sqlite> host) : DailyQuizPageTests<Sqlite>(host);

public sealed class PostgresDailyQuizPageTests(ClockedSiteHost<Postgres> host) : DailyQuizPageTests<Postgres>(host);
