using CivicsClass.Content.Seeds;
using YamlDotNet.RepresentationModel;
using static CivicsClass.Content.Seeds.SeedValues;

namespace CivicsClass.Content.Parts;

/// <summary>A seed file's <c>quiz:</c>, a list of questions each with question, options, answer (zero-based) and explanation.</summary>
internal static class QuizSeed
{
    public static QuizPart Map(FrontMatterFile file, YamlNode value, int line)
    {
        if (value is not YamlSequenceNode questions)
        {
            throw new SeedException(file.Path, line, "quiz 应是题目的列表。");
        }

        var quiz = new QuizPart();
        foreach (var node in questions)
        {
            var questionLine = FrontMatterFile.LineOf(node);
            if (node is not YamlMappingNode question)
            {
                throw new SeedException(file.Path, questionLine, "每道题应包含 question、options、answer 和 explanation。");
            }

            string Get(string key) => question.Children.TryGetValue(new YamlScalarNode(key), out var v)
                ? Scalar(file, v, FrontMatterFile.LineOf(v))
                : throw new SeedException(file.Path, questionLine, $"这道题缺少 {key}。");
            var options = question.Children.TryGetValue(new YamlScalarNode("options"), out var o)
                ? Values(file, o, FrontMatterFile.LineOf(o)).ToList()
                : throw new SeedException(file.Path, questionLine, "这道题缺少 options。");
            var answer = int.TryParse(Get("answer"), out var a) && a >= 0 && a < options.Count
                ? a
                : throw new SeedException(file.Path, questionLine, $"answer 应是 0 到 {options.Count - 1} 之间的选项序号。");
            quiz.Questions.Add(new QuizQuestion
            {
                Question = Get("question"),
                Options = options,
                Answer = answer,
                Explanation = question.Children.ContainsKey(new YamlScalarNode("explanation")) ? Get("explanation") : null,
            });
        }

        return quiz;
    }
}
