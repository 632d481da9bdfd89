namespace CivicsClass.Content.Editing;

/// <summary>Where an editor reports a value it cannot read, keyed by the input it is about; the admin's form errors implement it.</summary>
public interface IEditorErrors
{
    void Add(string field, string message);
}
