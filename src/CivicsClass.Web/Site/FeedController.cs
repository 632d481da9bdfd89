using System.Text;
using System.Xml;
using CivicsClass.Content.Definitions;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Theme;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CivicsClass.Web.Site;

/// <summary>
/// <c>/robots.txt</c> and <c>/sitemap.xml</c> for search engines (addresses read from the index, up to
/// the format's 50 000) and an Atom feed of new lessons at <c>/feed.xml</c>.
/// </summary>
[OutputCache(PolicyName = SiteModule.CachePolicy)]
public sealed class FeedController(IContentManager contentManager, ContentDefinitionManager definitions, IStringLocalizer<SiteText> text) : Controller
{
    private const int SitemapLimit = 50_000;
    private static readonly string[] s_indexes = ["/", "/lessons", "/lecturers", "/venues", "/topics", "/events"];

    /// <summary>
    /// Public pages may be crawled; personal, administrative and search pages may not (a search page
    /// per query would be an endless site), nor the API.
    /// </summary>
    [HttpGet("/robots.txt")]
    public ContentResult Robots() => Content(
        $"""
        User-agent: *
        Disallow: /admin
        Disallow: /account
        Disallow: /learning
        Disallow: /search
        Disallow: /api/
        Sitemap: {Request.Scheme}://{Request.Host}/sitemap.xml

        """,
        "text/plain; charset=utf-8");

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap()
    {
        // Every type with addresses, those an administrator created included.
        var types = (await definitions.ListTypesAsync()).Where(t => t.Has(nameof(AutoroutePart))).Select(t => t.Name).ToList();
        var items = await contentManager.ListAddressesAsync(types, SitemapLimit - s_indexes.Length);
        var origin = $"{Request.Scheme}://{Request.Host}";
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var path in s_indexes)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", origin + path);
                writer.WriteEndElement();
            }

            foreach (var item in items)
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", origin + "/" + item.Path);
                writer.WriteElementString("lastmod", item.ModifiedUtc.ToString("yyyy-MM-dd"));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }, "application/xml");
    }

    [HttpGet("/feed.xml")]
    public async Task<IActionResult> Feed()
    {
        var lessons = await contentManager.QueryAsync(new ContentQuery { ContentType = "Lesson", Take = 30, IncludeTotal = false });
        var origin = $"{Request.Scheme}://{Request.Host}";
        var updated = lessons.Items.Select(l => l.PublishedUtc ?? l.ModifiedUtc).DefaultIfEmpty(DateTime.UnixEpoch).Max();
        return Xml(writer =>
        {
            writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            writer.WriteElementString("title", text["FeedTitle"]);
            writer.WriteElementString("id", origin + "/feed.xml");
            writer.WriteElementString("updated", SiteFormat.Iso(updated));
            Link(writer, origin + "/feed.xml", "self");
            Link(writer, origin + "/", "alternate");
            foreach (var lesson in lessons.Items)
            {
                var url = origin + CardFactory.UrlOf(lesson);
                writer.WriteStartElement("entry");
                writer.WriteElementString("title", lesson.DisplayText);
                writer.WriteElementString("id", url);
                writer.WriteElementString("updated", SiteFormat.Iso(lesson.ModifiedUtc));
                writer.WriteElementString("published", SiteFormat.Iso(lesson.PublishedUtc ?? lesson.ModifiedUtc));
                Link(writer, url, "alternate");
                writer.WriteStartElement("author");
                writer.WriteElementString("name", text["SiteName"]);
                writer.WriteEndElement();
                writer.WriteElementString("summary", lesson.Get<Content.Parts.SummaryPart>("SummaryPart")?.Summary ?? lesson.DisplayText);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }, "application/atom+xml");
    }

    private static void Link(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("rel", rel);
        writer.WriteEndElement();
    }

    private ContentResult Xml(Action<XmlWriter> write, string contentType)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = true }))
        {
            write(writer);
        }

        return Content("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + builder, contentType + "; charset=utf-8");
    }
}
