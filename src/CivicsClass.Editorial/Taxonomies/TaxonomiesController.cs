using CivicsClass.AdminTheme.Models;
using CivicsClass.Content.Editing;
using CivicsClass.Content.Items;
using CivicsClass.Content.Parts;
using CivicsClass.Content.Security;
using CivicsClass.Theme.Models;
using CivicsClass.Content.Taxonomies;
using CivicsClass.Data.Documents;
using Microsoft.AspNetCore.Mvc;

namespace CivicsClass.Editorial.Taxonomies;

/// <summary>Editors keep the taxonomies: rename terms and add new ones under any parent; ids never change, so tagged content stays tagged.</summary>
[RequirePermission(EditorialPermissions.ManageTaxonomies)]
internal sealed class TaxonomiesController(IContentManager content, TaxonomyService taxonomies, TermCache terms, ISession session) : EditorialAdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var all = await content.QueryAsync(new ContentQuery { ContentType = TaxonomyService.ContentType, Latest = true, OrderBy = ContentOrder.TitleAscending, Take = 100 });
        return View(new TaxonomyListViewModel("分类", all.Items.Select(i => new TypeLink(i.Part<AliasPart>().Alias, i.DisplayText)).ToList()));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string alias) =>
        await taxonomies.GetTaxonomyAsync(alias, session) is { } taxonomy ? View(Model(taxonomy, new FormErrors(), (string?)TempData["Message"])) : NotFound();

    [HttpPost]
    public async Task<IActionResult> Save(string alias, [FromForm] string? newName, [FromForm] string? newParent)
    {
        if (await taxonomies.GetTaxonomyAsync(alias, session) is not { } taxonomy)
        {
            return NotFound();
        }

        var errors = new FormErrors();
        var part = taxonomy.Part<TaxonomyPart>();
        var flat = TaxonomyService.Flatten(part.Terms).ToList();
        foreach (var term in flat)
        {
            var name = ((string?)Request.Form["name." + term.Id])?.Trim();
            if (name is null)
            {
                continue;
            }

            if (name.Length is 0 or > 60)
            {
                errors.Add("name." + term.Id, "词条名称应为 1 到 60 个字。");
            }

            term.Name = name;
        }

        var added = newName?.Trim() ?? "";
        if (added.Length > 0)
        {
            var parent = string.IsNullOrEmpty(newParent) ? null : flat.FirstOrDefault(t => t.Id == newParent);
            if (added.Length > 60)
            {
                errors.Add("newName", "词条名称不能超过 60 个字。");
            }
            else if (!string.IsNullOrEmpty(newParent) && parent is null)
            {
                errors.Add("newName", "上级词条不存在。");
            }
            else
            {
                var id = TaxonomyService.TermId(alias, added);
                if (flat.Any(t => t.Id == id))
                {
                    errors.Add("newName", $"已经有同名或同编号的词条“{added}”。");
                }
                else
                {
                    (parent?.Children ?? part.Terms).Add(new TaxonomyTerm { Id = id, Name = added });
                }
            }
        }

        foreach (var duplicate in flat.GroupBy(t => t.Name).Where(g => g.Count() > 1))
        {
            errors.Add("", $"词条“{duplicate.Key}”重复了。");
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", Model(taxonomy, errors, null));
        }

        taxonomy.Apply(part);
        var saved = await content.UpdateAsync(taxonomy);
        await content.PublishAsync(saved);
        await session.SaveChangesAsync();
        taxonomies.Forget(alias);
        await terms.ClearAsync();
        TempData["Message"] = "分类已保存。";
        return LocalRedirect($"/admin/taxonomies/{alias}");
    }

    private static TaxonomyEditViewModel Model(ContentItem taxonomy, FormErrors errors, string? message)
    {
        var rows = new List<EditorOption>();
        void Walk(IEnumerable<TaxonomyTerm> list, int depth)
        {
            foreach (var term in list)
            {
                rows.Add(new EditorOption(term.Id, term.Name, depth));
                Walk(term.Children, depth + 1);
            }
        }

        Walk(taxonomy.Part<TaxonomyPart>().Terms, 0);
        return new TaxonomyEditViewModel($"分类：{taxonomy.DisplayText}", taxonomy.Part<AliasPart>().Alias, taxonomy.DisplayText, rows, errors, message);
    }
}
