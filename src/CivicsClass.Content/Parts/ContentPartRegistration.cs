namespace CivicsClass.Content.Parts;

/// <summary>A part the platform knows: its stored name, its class, its label in the admin, and where it stands among the others.</summary>
/// <param name="Position">Orders editors, checks and sections: lower first.</param>
/// <param name="Choosable">Whether an administrator may add it to a type made in the admin.</param>
public sealed record ContentPartRegistration(string Name, Type PartType, string Label, int Position, bool Choosable);
