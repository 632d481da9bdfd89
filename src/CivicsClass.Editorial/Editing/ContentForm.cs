using System.Globalization;
using CivicsClass.Accounts;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Fields;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Identity;
using static CivicsClass.Content.Editing.FormValues;
using static CivicsClass.Editorial.Editing.PostedForm;

namespace CivicsClass.Editorial.Editing;

/// <summary>
/// The editor of any content type, generated from its definition: each part's unit shows its inputs and reads them
/// back (title, address and summary first, then the type's fields, then the other parts), and the type's fields are
/// read here. Errors are keyed by the validator's member names, so a message appears beside the input it is about.
/// </summary>
internal sealed class ContentForm(IContentManager content, TermCache terms, UserManager<User> users, ContentChoices contentChoices, Accounts.CurrentPermissions permissions,
    IEnumerable<IPartEditor> editors, KnownParts parts)
{
    private readonly IReadOnlyList<IPartEditor> _editors = editors.OrderBy(e => parts.Position(e.PartName)).ToList();

    public async Task<IReadOnlyList<EditorField>> BuildAsync(ContentTypeDefinition type, ContentItem item, bool canChooseOwner)
    {
        var fields = new List<EditorField>();
        await BuildPartsAsync(type, item, fields, EditorPlacement.Header);
        foreach (var field in type.Fields.Where(f => !f.Settings.Derived))
        {
            fields.Add(await FieldAsync(item, field));
        }

        await BuildPartsAsync(type, item, fields, EditorPlacement.Body);
        if (canChooseOwner)
        {
            var owner = item.Owner is null ? null : await users.FindByIdAsync(item.Owner);
            fields.Add(new("Owner", "所有者账号", "owner", "Owner", owner?.UserName, Hint: "讲师本人的账号：填写后，讲师可以修改这条内容。"));
        }

        return fields;
    }

    /// <summary>Reads the posted form into the item; values that cannot be read (a number that is not one) are reported in <paramref name="errors"/>.</summary>
    public async Task ApplyAsync(ContentTypeDefinition type, ContentItem item, IFormCollection form, FormErrors errors, bool canChooseOwner)
    {
        foreach (var editor in _editors)
        {
            if (type.Part(editor.PartName) is { } part)
            {
                await editor.UpdateAsync(new PartUpdateContext(type, part, item, form, errors));
            }
        }

        foreach (var field in type.Fields.Where(f => !f.Settings.Derived))
        {
            ApplyField(item, field, form, errors);
        }

        if (canChooseOwner)
        {
            var ownerName = Text(form, "Owner");
            if (ownerName.Length == 0)
            {
                return;
            }

            var owner = await AccountName.FindAsync(users, ownerName);
            if (owner is null)
            {
                errors.Add("Owner", $"没有账号“{ownerName}”。");
            }
            else
            {
                item.Owner = owner.UserId;
            }
        }
    }

    private async Task BuildPartsAsync(ContentTypeDefinition type, ContentItem item, List<EditorField> fields, EditorPlacement placement)
    {
        foreach (var editor in _editors.Where(e => e.Placement == placement))
        {
            if (type.Part(editor.PartName) is { } part)
            {
                await editor.BuildAsync(new PartEditorContext(type, part, item, fields));
            }
        }
    }

    private async Task<EditorField> FieldAsync(ContentItem item, ContentFieldDefinition field)
    {
        var key = $"{item.ContentType}.{field.Name}";
        var name = "F." + field.Name;
        var label = string.IsNullOrEmpty(field.DisplayName) ? field.Name : field.DisplayName;
        var settings = field.Settings;
        switch (field.Type)
        {
            case nameof(TextField):
                var text = item.Field<TextField>(field.Name);
                if (settings.Options is { Count: > 0 } choices)
                {
                    return new(name, label, "choice", key, text?.Text, Options: choices.Select(c => new EditorOption(c, c)).ToList(), Required: settings.Required, Hint: settings.Hint);
                }

                return settings.Multiple
                    ? new(name, label, "lines", key, string.Join('\n', text?.Values ?? []), Required: settings.Required, MaxLength: settings.MaxLength, Hint: settings.Hint ?? "每行一项。")
                    : new(name, label, "text", key, text?.Text, Required: settings.Required, MaxLength: settings.MaxLength, Hint: settings.Hint);
            case nameof(NumericField):
                return new(name, label, "number", key, Format(item.Field<NumericField>(field.Name)?.Value), Required: settings.Required, Hint: settings.Hint);
            case nameof(BooleanField):
                return new(name, label, "boolean", key, item.Field<BooleanField>(field.Name)?.Value == true ? "true" : null, Hint: settings.Hint);
            case nameof(DateTimeField):
                var date = item.Field<DateTimeField>(field.Name)?.Value;
                return new(name, label, "date", key, date is null ? null : SiteTime.ToLocal(date.Value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                    Required: settings.Required, Hint: settings.Hint ?? "北京时间");
            case nameof(ContentPickerField):
                return new(name, label, "picker", key, Values: item.Field<ContentPickerField>(field.Name)?.ContentItemIds ?? [],
                    Options: await contentChoices.OptionsAsync(settings.AllowedTypes ?? []), Required: settings.Required, Multiple: settings.Multiple, Hint: settings.Hint);
            case nameof(TaxonomyField):
                var taxonomy = settings.Taxonomy is null ? null : (await terms.GetAsync()).GetValueOrDefault(settings.Taxonomy);
                return new(name, label, "terms", key, Values: item.Field<TaxonomyField>(field.Name)?.TermIds ?? [],
                    Options: taxonomy?.Indented().Select(t => new EditorOption(t.Term.Id, t.Term.Name, t.Depth)).ToList() ?? [],
                    Required: settings.Required, Multiple: settings.Multiple, Hint: settings.Hint);
            case nameof(LinkField):
                return new(name, label, "url", key, item.Field<LinkField>(field.Name)?.Url, Required: settings.Required, Hint: settings.Hint);
            default:
                return new(name, label, "text", key, item.Field<TextField>(field.Name)?.Text, Hint: settings.Hint);
        }
    }

    private static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A lecturer writing a lesson is its lecturer: their own profile is chosen for them.</summary>
    public async Task PrefillLecturerAsync(ContentTypeDefinition definition, ContentItem item)
    {
        if (definition.Fields.FirstOrDefault(f => f.Type == nameof(ContentPickerField) && f.Settings.AllowedTypes?.Contains("Lecturer") == true) is not { } field
            || permissions.UserId is not { } userId)
        {
            return;
        }

        var own = await content.QueryAsync(new ContentQuery { ContentType = "Lecturer", Latest = true, Owner = userId, Take = 1, IncludeTotal = false });
        if (own.Items.FirstOrDefault() is { } profile)
        {
            item.SetField(field.Name, new ContentPickerField { ContentItemIds = [profile.ContentItemId] });
        }
    }
}
