using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace CivicsClass.Web.Edge;

/// <summary>
/// The request's form with control characters removed from every field name and value, however it is
/// read (model binding, <c>Request.Form</c>, the antiforgery check). It wraps the form reader instead
/// of reading the form itself, so a form is still read only when asked for and within its endpoint's limits.
/// </summary>
internal sealed class CleanFormFeature(IFormFeature inner) : IFormFeature
{
    private IFormCollection? _read;
    private IFormCollection? _cleaned;

    public bool HasFormContentType => inner.HasFormContentType;

    public IFormCollection? Form
    {
        get => inner.Form is { } form ? Clean(form) : null;
        set => inner.Form = value;
    }

    public IFormCollection ReadForm() => Clean(inner.ReadForm());

    public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken) => Clean(await inner.ReadFormAsync(cancellationToken));

    /// <summary>Puts a cleaning reader in front of the request's form reader, unless one is there already.</summary>
    public static void Wrap(HttpContext context, IFormFeature? reader = null)
    {
        reader ??= context.Features.Get<IFormFeature>();
        if (reader is not null and not CleanFormFeature)
        {
            context.Features.Set<IFormFeature>(new CleanFormFeature(reader));
        }
    }

    private IFormCollection Clean(IFormCollection form)
    {
        if (ReferenceEquals(form, _read) || ReferenceEquals(form, _cleaned))
        {
            return _cleaned!;
        }

        _read = form;
        _cleaned = form.Any(f => ControlCharacters.Any(f.Key) || f.Value.Any(ControlCharacters.Any))
            ? new FormCollection(
                form.GroupBy(f => ControlCharacters.Clean(f.Key, keepLineBreaks: false), StringComparer.OrdinalIgnoreCase).ToDictionary(
                    g => g.Key,
                    g => new StringValues(g.SelectMany(f => f.Value).Select(v => ControlCharacters.Clean(v ?? "", keepLineBreaks: true)).ToArray()),
                    StringComparer.OrdinalIgnoreCase),
                form.Files)
            : form;
        return _cleaned;
    }
}
