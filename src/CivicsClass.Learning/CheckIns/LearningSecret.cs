using System.Security.Cryptography;
using Dapper;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.CheckIns;

/// <summary>
/// The key that signs check-in codes: made once, kept in the database so every node signs and checks
/// alike, and read once per node.
/// </summary>
public sealed class LearningSecret(IDocumentStore store)
{
    private byte[]? _key;

    public async Task<byte[]> KeyAsync()
    {
        if (_key is not null)
        {
            return _key;
        }

        await using var session = store.CreateSession();
        var (connection, transaction) = await session.BeginWriteAsync();
        await connection.ExecuteAsync("INSERT INTO learning_secret (name, value) VALUES ('check-in', @value) ON CONFLICT (name) DO NOTHING",
            new { value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, transaction);
        var value = await connection.ExecuteScalarAsync<string>("SELECT value FROM learning_secret WHERE name = 'check-in'", transaction: transaction);
        await session.SaveChangesAsync();
        return _key = Convert.FromBase64String(value!);
    }
}
