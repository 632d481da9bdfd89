using System.Text.Encodings.Web;
using CivicsClass.Theme.Models;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CivicsClass.Theme;

/// <summary>Small pieces of form markup shared by the site's and the admin's forms.</summary>
public static class FormHtml
{
    /// <summary>The messages for one field, with the id its input's <c>aria-describedby</c> names.</summary>
    public static IHtmlContent FieldErrors(this IHtmlHelper html, FormErrors errors, string field)
    {
        var builder = new HtmlContentBuilder();
        foreach (var message in errors.For(field))
        {
            builder.AppendHtml($"<p class=\"field-error\" id=\"{HtmlEncoder.Default.Encode(field)}-error\">");
            builder.Append(message);
            builder.AppendHtml("</p>");
        }

        return builder;
    }

    /// <summary>Options for a tree of terms, indented by depth, with an empty first choice.</summary>
    public static IHtmlContent TermOptions(this IHtmlHelper html, IEnumerable<TermChoice> choices, string? selected, string emptyLabel)
    {
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<option value=\"\">").Append(emptyLabel).AppendHtml("</option>");
        foreach (var choice in choices)
        {
            builder.AppendHtml($"<option value=\"{HtmlEncoder.Default.Encode(choice.Id)}\"{(choice.Id == selected ? " selected" : "")}>");
            builder.Append(new string('\u3000', choice.Depth) + choice.Name);
            builder.AppendHtml("</option>");
        }

        return builder;
    }
}
