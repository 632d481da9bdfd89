namespace CivicsClass.Content.Parts;

/// <summary>The item's address: <c>{type prefix}/{slug}</c>, e.g. <c>lessons/anyuan-great-strike-1922</c>.</summary>
public sealed class AutoroutePart
{
    public string Path { get; set; } = "";
}
