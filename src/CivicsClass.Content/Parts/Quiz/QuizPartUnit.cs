using System.Globalization;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Content.Parts;

internal sealed class QuizPartUnit : IPartEditor, IPartValidator, IPartDisplay, IPartSeedMapper
{
    private const int MaxQuestions = 50;

    public string PartName => nameof(QuizPart);

    public IReadOnlyCollection<string> Keys { get; } = ["quiz"];

    public Task BuildAsync(PartEditorContext context)
    {
        var quiz = context.Item.Part<QuizPart>().Questions
            .Select(q => new QuizRow(q.Question, string.Join('\n', q.Options), q.Answer + 1, q.Explanation)).ToList();
        context.Add(new("Quiz", "课后测验", "quiz", "QuizPart.Questions", Quiz: quiz, Hint: "每行一个选项；正确答案填选项的序号（从 1 开始）。"));
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PartUpdateContext context)
    {
        var form = context.Form;
        var questions = new List<QuizQuestion>();
        for (var i = 0; i < MaxQuestions && form.ContainsKey($"Quiz[{i}].Question"); i++)
        {
            var question = Text(form, $"Quiz[{i}].Question");
            var options = Lines(Text(form, $"Quiz[{i}].Options"));
            if (question.Length == 0 && options.Count == 0)
            {
                continue; // the blank row for a new question
            }

            var answer = int.TryParse(Text(form, $"Quiz[{i}].Answer"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1;
            questions.Add(new QuizQuestion { Question = question, Options = options, Answer = answer, Explanation = NullIfEmpty(Text(form, $"Quiz[{i}].Explanation")) });
        }

        context.Item.Apply(new QuizPart { Questions = questions });
        return Task.CompletedTask;
    }

    public Task ValidateAsync(PartValidationContext context)
    {
        var questions = context.Item.Part<QuizPart>().Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var member = $"QuizPart.Questions[{i}]";
            if (string.IsNullOrWhiteSpace(question.Question))
            {
                context.Result.Fail(member, $"第 {i + 1} 题缺少题干。");
            }

            if (question.Options.Count < 2 || question.Options.Any(string.IsNullOrWhiteSpace))
            {
                context.Result.Fail(member, $"第 {i + 1} 题至少需要两个非空选项。");
            }
            else if (question.Answer < 0 || question.Answer >= question.Options.Count)
            {
                context.Result.Fail(member, $"第 {i + 1} 题的正确答案必须是第 1 到第 {question.Options.Count} 个选项之一。");
            }
        }

        return Task.CompletedTask;
    }

    public Task DisplayAsync(PartDisplayContext context)
    {
        context.Display.Set(new QuizDisplay(context.Item.Part<QuizPart>().Questions));
        return Task.CompletedTask;
    }

    public Task MapAsync(PartSeedContext context, string key, YamlNode value, int line)
    {
        context.Item.Apply(QuizSeed.Map(context.File, value, line));
        return Task.CompletedTask;
    }
}
