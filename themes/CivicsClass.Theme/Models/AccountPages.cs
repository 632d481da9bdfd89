using CivicsClass.Content.Editing;

namespace CivicsClass.Theme.Models;

/// <summary>A form's field errors by field name, and errors about the whole form under the empty name.</summary>
public sealed class FormErrors : IEditorErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    public IEnumerable<KeyValuePair<string, List<string>>> All => _errors;
}

public sealed record LoginViewModel(PageMeta Meta, string? PhoneOrEmail, string? ReturnUrl, FormErrors Errors) : PageViewModel(Meta);

public sealed record RegisterViewModel(PageMeta Meta, string? PhoneOrEmail, string? DisplayName, string? ReturnUrl, FormErrors Errors) : PageViewModel(Meta);

public sealed record PasswordViewModel(PageMeta Meta, FormErrors Errors, bool Changed) : PageViewModel(Meta);

public sealed record TermChoice(string Id, string Name, int Depth);

public sealed record ProfileViewModel(
    PageMeta Meta,
    string UserName,
    string DisplayName,
    string? OrganisationTermId,
    string? RegionTermId,
    string? IndustryTermId,
    IReadOnlyList<TermChoice> Organisations,
    IReadOnlyList<TermChoice> Regions,
    IReadOnlyList<TermChoice> Industries,
    FormErrors Errors,
    bool Saved,
    bool ShowOnLeaderboards = false) : PageViewModel(Meta);

public sealed record StatusViewModel(PageMeta Meta, int StatusCode, bool SignedIn, string? ReturnUrl) : PageViewModel(Meta);
