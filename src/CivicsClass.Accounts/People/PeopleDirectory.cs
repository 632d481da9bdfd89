namespace CivicsClass.Accounts.People;

/// <summary>Accounts for other modules, read through the user index so that none of them reads it itself.</summary>
internal sealed class PeopleDirectory(ISession session) : IPeopleDirectory
{
    public async Task<IReadOnlyList<Person>> FindAsync(string text, int take)
    {
        var parameters = new { q = "%" + text.Trim().ToUpperInvariant() + "%" };
        var users = await session.QueryAsync<User>("user_index", "i.normalized_user_name LIKE @q OR i.display_name LIKE @q", parameters,
            orderBy: "i.created_utc DESC", take: take);
        return users.Select(Person).ToList();
    }

    public async Task<IReadOnlyList<Person>> GetManyAsync(IReadOnlyCollection<long> ids) => ids.Count == 0
        ? []
        : (await session.QueryAsync<User>("user_index", session.Dialect.InList("i.document_id", "ids"), new { ids = ids.ToArray() })).Select(Person).ToList();

    public async Task<Person?> GetAsync(long id) => await session.GetAsync<User>(id) is { } user ? Person(user) : null;

    private static Person Person(User user) => new(user.Id, user.DisplayName, user.UserName);
}
