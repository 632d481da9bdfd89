using System.Globalization;
using System.Text;

namespace CivicsClass.Content.Security;

/// <summary>
/// Checks for short texts that people write and others read as the site's own words: display names,
/// topic requests, the search text editors see. Such a text may not hide characters (controls,
/// direction overrides, invisible letters) and may not pose as one of the site's roles.
/// </summary>
public static class TextSafety
{
    // Words that name the site's staff or the site itself; compared after folding width, case,
    // spacing and punctuation, so "管 理 员", "ＡＤＭＩＮ" and "a.d.m.i.n" are caught too.
    private static readonly string[] s_roleWords =
    [
        "管理员", "管理員", "编辑部", "編輯部", "官方", "客服", "站长", "站長", "版主", "超管", "工作人员", "工作人員",
        "admin", "official", "moderator", "webmaster",
    ];

    // Also roles, but everyday words in a topic or a search ("系统学习", "视频编辑"): refused in names only.
    private static readonly string[] s_nameOnlyRoleWords = ["系统", "系統", "编辑", "編輯", "system"];

    /// <summary>Whether the text has a control, direction-changing or invisible character (line breaks and tabs allowed when asked).</summary>
    public static bool HasHiddenCharacters(string text, bool allowLineBreaks = false)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (allowLineBreaks && rune.Value is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (IsHidden(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text poses as one of the site's roles (管理员, 编辑部, 官方, 客服, admin …); a name also
    /// may not use 系统 or 编辑, which a topic or a search may.
    /// </summary>
    public static bool ImitatesRole(string text, bool isName = false)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                folded.Append(rune.ToString());
            }
        }

        var plain = folded.ToString();
        return s_roleWords.Concat(isName ? s_nameOnlyRoleWords : []).Any(word => plain.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>Whether a one-line text may be shown to others as written: no hidden characters and no role it poses as.</summary>
    public static bool IsSafeLine(string text) => !HasHiddenCharacters(text) && !ImitatesRole(text);

    private static bool IsHidden(Rune rune)
    {
        // Blank letters that render as nothing (used for names that look empty or pad a role name), and the
        // replacement character that stands for a broken surrogate.
        if (rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 || rune == Rune.ReplacementChar)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => true,
            // Direction marks, overrides and isolates, zero-width spaces and joiners, the byte-order mark; the
            // zero-width joiner alone is kept, as emoji sequences need it.
            UnicodeCategory.Format => rune.Value != 0x200D,
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => true,
            _ => false,
        };
    }
}
