namespace CivicsClass.Content.Security;

/// <summary>The site's accounts as other modules may see them: found by name, phone or e-mail, or by id.</summary>
public interface IPeopleDirectory
{
    /// <summary>People whose sign-in name or display name contains <paramref name="text"/>, newest first.</summary>
    Task<IReadOnlyList<Person>> FindAsync(string text, int take);

    Task<Person?> GetAsync(long id);

    /// <summary>The people with these ids, read in one query; ids without an account are left out.</summary>
    Task<IReadOnlyList<Person>> GetManyAsync(IReadOnlyCollection<long> ids);
}
