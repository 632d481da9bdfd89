using Microsoft.Extensions.Localization;

namespace CivicsClass.AdminTheme;

/// <summary>Names for identifiers an administrator meets: a points rule's settings by what they mean, not by their keys.</summary>
public static class AdminLabels
{
    /// <summary><c>MinSeconds</c> is “最少学习秒数”; a setting without a text keeps its key.</summary>
    public static string Setting(IStringLocalizer text, string name) =>
        text["Setting" + name] is { ResourceNotFound: false } label ? label.Value : name;
}
