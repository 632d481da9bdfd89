using CivicsClass.Data.Documents;
using CivicsClass.Testing;
using Dapper;
using Xunit;

namespace CivicsClass.Data.Tests.Documents;

public abstract class DocumentStoreTests<TProvider> where TProvider : IDatabaseProvider, new()
{
    private static readonly DateTime s_written = new(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc);

    [SkippableFact]
    public async Task Save_NewDocument_IsReadBackWithIdAndVersion()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        var note = new Note { Title = "劳模精神", Tags = ["劳模"], WrittenUtc = s_written };

        await using (var session = site.CreateSession())
        {
            await session.SaveAsync(note);
            await session.SaveChangesAsync();
        }

        await using var reader = site.CreateSession();
        var loaded = await reader.GetAsync<Note>(note.Id);
        Assert.NotNull(loaded);
        Assert.Equal("劳模精神", loaded.Title);
        Assert.Equal(["劳模"], loaded.Tags);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(s_written, loaded.WrittenUtc);
    }

    [SkippableFact]
    public async Task Save_StaleVersion_IsRefusedAndFirstWriteKept()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        var id = await SaveNoteAsync(site, "原标题");
        await using var first = site.CreateSession();
        await using var second = site.CreateSession();
        var mine = (await first.GetAsync<Note>(id))!;
        var theirs = (await second.GetAsync<Note>(id))!;

        mine.Title = "第一次修改";
        await first.SaveAsync(mine);
        await first.SaveChangesAsync();
        theirs.Title = "过期的修改";
        var exception = await Assert.ThrowsAsync<ConcurrencyException>(() => second.SaveAsync(theirs));

        Assert.Contains("changed by someone else", exception.Message);
        await using var reader = site.CreateSession();
        var stored = (await reader.GetAsync<Note>(id))!;
        Assert.Equal("第一次修改", stored.Title);
        Assert.Equal(2, stored.Version);
    }

    [SkippableFact]
    public async Task Dispose_WithoutSaveChanges_RollsBackDocumentAndIndexes()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());

        await using (var session = site.CreateSession())
        {
            await session.SaveAsync(new Note { Title = "未提交", Tags = ["a", "b"], WrittenUtc = s_written });
        }

        await using var reader = site.CreateSession();
        var (connection, _) = await reader.GetConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM document WHERE type = 'Note'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM note_index"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM note_tag_index"));
    }

    [SkippableFact]
    public async Task Save_IndexConstraintViolated_LeavesNoDocumentBehind()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        await SaveNoteAsync(site, "同名");

        await using (var session = site.CreateSession())
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => session.SaveAsync(new Note { Title = "同名", WrittenUtc = s_written }));
        }

        await using var reader = site.CreateSession();
        Assert.Equal(1, await reader.CountAsync("note_index", "1 = 1"));
        Assert.Single(await reader.GetAllAsync<Note>());
    }

    [SkippableFact]
    public async Task Query_ByIndex_FiltersOrdersAndPages()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        await using (var session = site.CreateSession())
        {
            for (var i = 0; i < 5; i++)
            {
                await session.SaveAsync(new Note { Title = $"课{i}", Tags = i % 2 == 0 ? ["even"] : ["odd"], WrittenUtc = s_written.AddDays(i) });
            }

            await session.SaveChangesAsync();
        }

        await using var reader = site.CreateSession();
        var page = await reader.QueryAsync<Note>("note_index", "i.written_utc >= @from", new { from = s_written.AddDays(1) },
            "i.written_utc DESC", skip: 1, take: 2);
        var evens = await reader.QueryAsync<Note>("note_index",
            "EXISTS (SELECT 1 FROM note_tag_index t WHERE t.document_id = i.document_id AND t.tag = @tag)", new { tag = "even" }, "i.title");

        Assert.Equal(["课3", "课2"], page.Select(n => n.Title));
        Assert.Equal(4, await reader.CountAsync("note_index", "i.written_utc >= @from", new { from = s_written.AddDays(1) }));
        Assert.Equal(["课0", "课2", "课4"], evens.Select(n => n.Title));
    }

    [SkippableFact]
    public async Task Save_ChangedDocument_RewritesItsIndexRows()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        var id = await SaveNoteAsync(site, "旧", ["x", "y"]);

        await using (var session = site.CreateSession())
        {
            var note = (await session.GetAsync<Note>(id))!;
            note.Title = "新";
            note.Tags = ["z"];
            await session.SaveAsync(note);
            await session.SaveChangesAsync();
        }

        await using var reader = site.CreateSession();
        var (connection, _) = await reader.GetConnectionAsync();
        Assert.Equal(["z"], await connection.QueryAsync<string>("SELECT tag FROM note_tag_index WHERE document_id = @id", new { id }));
        Assert.Empty(await reader.QueryAsync<Note>("note_index", "i.title = @t", new { t = "旧" }));
        Assert.Single(await reader.QueryAsync<Note>("note_index", "i.title = @t", new { t = "新" }));
    }

    [SkippableFact]
    public async Task Delete_Document_RemovesItAndItsIndexRows()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        var id = await SaveNoteAsync(site, "删除我", ["t"]);

        await using (var session = site.CreateSession())
        {
            await session.DeleteAsync((await session.GetAsync<Note>(id))!);
            await session.SaveChangesAsync();
        }

        await using var reader = site.CreateSession();
        Assert.Null(await reader.GetAsync<Note>(id));
        Assert.Equal(0, await reader.CountAsync("note_index", "1 = 1"));
    }

    [SkippableFact]
    public async Task OnCommitted_RunsAfterCommitOnly()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        var calls = new List<string>();

        await using (var committed = site.CreateSession())
        {
            await committed.SaveAsync(new Note { Title = "a", WrittenUtc = s_written });
            committed.OnCommitted(() => { calls.Add("committed"); return Task.CompletedTask; });
            Assert.Empty(calls);
            await committed.SaveChangesAsync();
        }

        await using (var rolledBack = site.CreateSession())
        {
            await rolledBack.SaveAsync(new Note { Title = "b", WrittenUtc = s_written });
            rolledBack.OnCommitted(() => { calls.Add("rolled back"); return Task.CompletedTask; });
        }

        Assert.Equal(["committed"], calls);
    }

    [SkippableFact]
    public async Task ConcurrentUpdates_OfOneDocument_ExactlyOneWins()
    {
        await using var site = await NotesSite.CreateAsync(new TProvider());
        var id = await SaveNoteAsync(site, "并发");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async n =>
        {
            await using var session = site.CreateSession();
            var note = (await session.GetAsync<Note>(id))!;
            note.Title = $"写入{n}";
            try
            {
                await session.SaveAsync(note);
                await session.SaveChangesAsync();
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        }));

        await using var reader = site.CreateSession();
        var stored = (await reader.GetAsync<Note>(id))!;
        Assert.Equal(1 + outcomes.Count(o => o), stored.Version);
        Assert.True(outcomes.Count(o => o) >= 1);
    }

    private static async Task<long> SaveNoteAsync(TestSite site, string title, List<string>? tags = null)
    {
        await using var session = site.CreateSession();
        var note = new Note { Title = title, Tags = tags ?? [], WrittenUtc = s_written };
        await session.SaveAsync(note);
        await session.SaveChangesAsync();
        return note.Id;
    }
}

public sealed class SqliteDocumentStoreTests : DocumentStoreTests<Sqlite>;

public sealed class PostgresDocumentStoreTests : DocumentStoreTests<Postgres>;
