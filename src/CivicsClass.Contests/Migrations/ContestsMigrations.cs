using CivicsClass.Data.Migrations;

namespace CivicsClass.Contests.Migrations;

internal sealed class ContestsMigrations : IDataMigration
{
    public string Module => "Contests";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, async context =>
        {
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE contest_entrant (
                    contest_id {d.Text} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    organisation_id {d.Text} NULL,
                    region_id {d.Text} NULL,
                    rounds {d.Int} NOT NULL,
                    days {d.Int} NOT NULL,
                    best_correct {d.Int} NOT NULL,
                    best_ratio {d.Double} NOT NULL,
                    lit {d.Int} NOT NULL,
                    PRIMARY KEY (contest_id, user_id));
                CREATE INDEX ix_contest_entrant_rank ON contest_entrant (contest_id, best_ratio DESC, lit DESC, user_id);
                CREATE TABLE contest_round (
                    id {d.Text} NOT NULL PRIMARY KEY,
                    contest_id {d.Text} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    study_day {d.Int} NOT NULL,
                    attempt {d.Int} NOT NULL,
                    started_utc {d.Timestamp} NOT NULL,
                    deadline_utc {d.Timestamp} NOT NULL,
                    questions {d.Text} NOT NULL,
                    total {d.Int} NOT NULL,
                    finished_utc {d.Timestamp} NULL,
                    correct {d.Int} NULL,
                    passed {d.Bool} NULL,
                    points {d.Int} NULL,
                    entry_id {d.BigInt} NULL,
                    lit_point {d.Int} NULL,
                    voided_utc {d.Timestamp} NULL,
                    void_reason {d.Text} NULL,
                    UNIQUE (contest_id, user_id, study_day, attempt));
                CREATE INDEX ix_contest_round_user ON contest_round (contest_id, user_id, started_utc);
                CREATE INDEX ix_contest_round_started ON contest_round (contest_id, started_utc);
                CREATE TABLE contest_answer (
                    round_id {d.Text} NOT NULL,
                    position {d.Int} NOT NULL,
                    chosen {d.Int} NOT NULL,
                    answered_utc {d.Timestamp} NOT NULL,
                    PRIMARY KEY (round_id, position));
                CREATE TABLE contest_light (
                    contest_id {d.Text} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    point {d.Int} NOT NULL,
                    round_id {d.Text} NOT NULL,
                    lit_utc {d.Timestamp} NOT NULL,
                    PRIMARY KEY (contest_id, user_id, point));
                """);
        }),
        new(2, async context =>
        {
            // A live final's room lives in the database, so every web node streams the same state to the phones it serves.
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE contest_live_room (
                    id {d.Text} NOT NULL PRIMARY KEY,
                    contest_id {d.Text} NOT NULL,
                    teams {d.Text} NOT NULL,
                    questions {d.Text} NOT NULL,
                    question_seconds {d.Int} NOT NULL,
                    position {d.Int} NOT NULL,
                    pushed_utc {d.Timestamp} NULL,
                    finished_utc {d.Timestamp} NULL,
                    version {d.Int} NOT NULL,
                    opened_by {d.BigInt} NOT NULL,
                    opened_utc {d.Timestamp} NOT NULL);
                CREATE INDEX ix_contest_live_room_contest ON contest_live_room (contest_id, opened_utc);
                CREATE TABLE contest_live_player (
                    room_id {d.Text} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    team_id {d.Text} NOT NULL,
                    joined_utc {d.Timestamp} NOT NULL,
                    PRIMARY KEY (room_id, user_id));
                CREATE TABLE contest_live_answer (
                    room_id {d.Text} NOT NULL,
                    position {d.Int} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    team_id {d.Text} NOT NULL,
                    chosen {d.Int} NOT NULL,
                    correct {d.Bool} NOT NULL,
                    elapsed_ms {d.Int} NOT NULL,
                    score {d.Int} NOT NULL,
                    answered_utc {d.Timestamp} NOT NULL,
                    PRIMARY KEY (room_id, position, user_id));
                """);
        }),
    ];
}
