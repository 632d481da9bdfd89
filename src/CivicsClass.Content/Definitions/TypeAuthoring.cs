using System.Text.Json.Serialization;

namespace CivicsClass.Content.Definitions;

/// <summary>Who, besides those who may edit all content, creates and edits items of a type.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TypeAuthoring>))]
public enum TypeAuthoring
{
    /// <summary>Only those who may edit all content (editors); authors may still edit items they own.</summary>
    Editors,

    /// <summary>Anyone who may write their own content (lecturers) creates items and edits the ones they own.</summary>
    Authors,

    /// <summary>Curators (the right to manage topics) create and edit every item of the type, whoever owns it.</summary>
    Curators,
}
