using CivicsClass.Data.Documents;
using CivicsClass.Data.Migrations;

namespace CivicsClass.Data.Tests.Documents;

/// <summary>A small document with an index, standing in for a module's aggregate.</summary>
public sealed class Note : Document
{
    public string Title { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public DateTime WrittenUtc { get; set; }
}

public sealed record NoteIndex(string Title, DateTime WrittenUtc);

public sealed record NoteTagIndex(string Tag);

internal sealed class NoteIndexProvider : IndexProvider<Note, NoteIndex>
{
    public override string Table => "note_index";

    protected override IEnumerable<NoteIndex> Map(Note note) => [new NoteIndex(note.Title, note.WrittenUtc)];
}

internal sealed class NoteTagIndexProvider : IndexProvider<Note, NoteTagIndex>
{
    public override string Table => "note_tag_index";

    protected override IEnumerable<NoteTagIndex> Map(Note note) => note.Tags.Select(t => new NoteTagIndex(t));
}

internal sealed class NoteMigrations : IDataMigration
{
    public string Module => "Notes";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, c => c.ExecuteAsync($"""
            CREATE TABLE note_index (document_id {c.Dialect.BigInt} NOT NULL REFERENCES document (id), title {c.Dialect.Text} NOT NULL, written_utc {c.Dialect.Timestamp} NOT NULL);
            CREATE UNIQUE INDEX ux_note_title ON note_index (title);
            """)),
        new(2, c => c.ExecuteAsync($"CREATE TABLE note_tag_index (document_id {c.Dialect.BigInt} NOT NULL REFERENCES document (id), tag {c.Dialect.Text} NOT NULL)")),
    ];
}
