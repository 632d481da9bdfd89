using System.Globalization;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Theme.Models;
using static CivicsClass.Content.Editing.FormValues;

namespace CivicsClass.Editorial.Editing;

/// <summary>
/// Reads an editor's posted values of the type's own fields back into the item, text, numbers and addresses
/// checked on the way (<see cref="FormValues"/>), each message keyed to the input it is about.
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

    /// <summary>Quiz messages name a question; they are shown beside the quiz as a whole.</summary>
    public static string ErrorKey(string member) => member.StartsWith("QuizPart.Questions", StringComparison.Ordinal) ? "QuizPart.Questions" : member;
}
