using System.Globalization;
using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Theme.Models;

namespace CivicsClass.Editorial;

/// <summary>
/// Reads an editor's posted values back: fields and quiz questions into the item, text, numbers and
/// addresses checked on the way, each message keyed to the input it is about.
/// </summary>
internal static class PostedForm
{
    public static void ApplyField(ContentItem item, ContentFieldDefinition field, IFormCollection form, FormErrors errors)
    {
        var name = "F." + field.Name;
        var key = $"{item.ContentType}.{field.Name}";
        switch (field.Type)
        {
            case nameof(TextField) when field.Settings.Multiple:
                item.SetField(field.Name, new TextField { Values = Lines(Text(form, name)) });
                break;
            case nameof(TextField):
                item.SetField(field.Name, new TextField { Text = NullIfEmpty(Text(form, name)) });
                break;
            case nameof(NumericField):
                item.SetField(field.Name, new NumericField { Value = Number(form, name, key, errors) });
                break;
            case nameof(BooleanField):
                item.SetField(field.Name, new BooleanField { Value = form[name].Contains("true") });
                break;
            case nameof(DateTimeField):
                var raw = Text(form, name);
                DateTime? value = null;
                if (raw.Length > 0)
                {
                    if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    {
                        value = SiteTime.ToUtc(local);
                    }
                    else
                    {
                        errors.Add(key, $"“{raw}”不是有效的日期时间。");
                    }
                }

                item.SetField(field.Name, new DateTimeField { Value = value });
                break;
            case nameof(ContentPickerField):
                item.SetField(field.Name, new ContentPickerField { ContentItemIds = form[name].OfType<string>().Where(s => s.Length > 0).Distinct().ToList() });
                break;
            case nameof(TaxonomyField):
                item.SetField(field.Name, new TaxonomyField { TermIds = form[name].OfType<string>().Where(s => s.Length > 0).Distinct().ToList() });
                break;
            case nameof(LinkField):
                item.SetField(field.Name, new LinkField { Url = Url(form, name, key, errors) });
                break;
        }
    }

    public static List<QuizQuestion> Quiz(IFormCollection form, FormErrors errors)
    {
        var questions = new List<QuizQuestion>();
        for (var i = 0; i < 50 && form.ContainsKey($"Quiz[{i}].Question"); i++)
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

        return questions;
    }

    public static string Text(IFormCollection form, string name) => ((string?)form[name] ?? "").Trim();

    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    public static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    public static decimal? Number(IFormCollection form, string name, string key, FormErrors errors)
    {
        var raw = Text(form, name);
        if (raw.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(key, $"“{raw}”不是数字。");
        return null;
    }

    public static string? Url(IFormCollection form, string name, string key, FormErrors errors)
    {
        var raw = Text(form, name);
        if (raw.Length == 0)
        {
            return null;
        }

        if ((Uri.TryCreate(raw, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") || (raw.StartsWith('/') && !raw.StartsWith("//", StringComparison.Ordinal)))
        {
            return raw;
        }

        errors.Add(key, $"“{raw}”不是 http(s) 地址。");
        return null;
    }

    /// <summary>Quiz messages name a question; they are shown beside the quiz as a whole.</summary>
    public static string ErrorKey(string member) => member.StartsWith("QuizPart.Questions", StringComparison.Ordinal) ? "QuizPart.Questions" : member;
}
