namespace CivicsClass.AdminTheme;

/// <summary>Marks the admin's text resources: <c>Resources/AdminText.resx</c> (zh-CN) and <c>AdminText.en.resx</c>.</summary>
public sealed class AdminText;
