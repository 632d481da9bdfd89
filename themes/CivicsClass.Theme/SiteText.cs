using Microsoft.Extensions.Localization;

[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("CivicsClass.Theme")]

namespace CivicsClass.Theme;

/// <summary>Marks the site's text resources: <c>Resources/SiteText.resx</c> (zh-CN) and <c>SiteText.en.resx</c>.</summary>
public sealed class SiteText;
