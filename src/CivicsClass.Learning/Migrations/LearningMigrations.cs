using CivicsClass.Data.Migrations;

namespace CivicsClass.Learning.Migrations;

internal sealed class LearningMigrations : IDataMigration
{
    public string Module => "Learning";

    public IReadOnlyList<MigrationStep> Steps { get; } =
    [
        new(1, async context =>
        {
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE points_entry (
                    id {d.IdentityColumn},
                    user_id {d.BigInt} NOT NULL,
                    rule {d.Text} NOT NULL,
                    source_id {d.Text} NULL,
                    reference {d.Text} NULL,
                    idempotency_key {d.Text} NOT NULL UNIQUE,
                    points {d.Int} NOT NULL,
                    requested {d.Int} NOT NULL,
                    created_utc {d.Timestamp} NOT NULL,
                    study_day {d.Int} NOT NULL,
                    reverses_id {d.BigInt} NULL UNIQUE,
                    restores_id {d.BigInt} NULL,
                    reason {d.Text} NULL);
                CREATE INDEX ix_points_entry_user ON points_entry (user_id, id);
                CREATE INDEX ix_points_entry_day ON points_entry (user_id, study_day, rule);
                CREATE INDEX ix_points_entry_restores ON points_entry (restores_id);
                CREATE TABLE points_day (
                    user_id {d.BigInt} NOT NULL,
                    study_day {d.Int} NOT NULL,
                    rule {d.Text} NOT NULL,
                    points {d.Int} NOT NULL,
                    PRIMARY KEY (user_id, study_day, rule));
                CREATE TABLE points_total (
                    period {d.Text} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    points {d.Int} NOT NULL,
                    PRIMARY KEY (period, user_id));
                CREATE INDEX ix_points_total_rank ON points_total (period, points DESC, user_id);
                CREATE TABLE study_session (
                    id {d.Text} NOT NULL PRIMARY KEY,
                    user_id {d.BigInt} NOT NULL,
                    content_item_id {d.Text} NOT NULL,
                    opened_utc {d.Timestamp} NOT NULL,
                    min_seconds {d.Int} NOT NULL,
                    media_duration {d.Int} NULL,
                    media_seconds {d.Double} NOT NULL,
                    last_beat_utc {d.Timestamp} NOT NULL,
                    superseded {d.Bool} NOT NULL,
                    completed_utc {d.Timestamp} NULL,
                    awarded {d.Int} NULL,
                    outcome {d.Text} NULL);
                CREATE INDEX ix_study_session_user ON study_session (user_id, opened_utc);
                CREATE TABLE lesson_progress (
                    user_id {d.BigInt} NOT NULL,
                    content_item_id {d.Text} NOT NULL,
                    started_utc {d.Timestamp} NOT NULL,
                    studied_utc {d.Timestamp} NULL,
                    studied_day {d.Int} NULL,
                    quiz_passed_utc {d.Timestamp} NULL,
                    PRIMARY KEY (user_id, content_item_id));
                CREATE INDEX ix_lesson_progress_item ON lesson_progress (content_item_id, studied_day);
                CREATE INDEX ix_lesson_progress_day ON lesson_progress (studied_day);
                CREATE TABLE study_day_log (
                    user_id {d.BigInt} NOT NULL,
                    study_day {d.Int} NOT NULL,
                    PRIMARY KEY (user_id, study_day));
                CREATE TABLE certificate (
                    code {d.Text} NOT NULL PRIMARY KEY,
                    user_id {d.BigInt} NOT NULL,
                    course_id {d.Text} NOT NULL,
                    course_title {d.Text} NOT NULL,
                    learner_name {d.Text} NOT NULL,
                    issued_utc {d.Timestamp} NOT NULL,
                    UNIQUE (user_id, course_id));
                CREATE TABLE learner (
                    user_id {d.BigInt} NOT NULL PRIMARY KEY,
                    display_name {d.Text} NOT NULL,
                    organisation_id {d.Text} NULL,
                    region_id {d.Text} NULL);
                CREATE INDEX ix_learner_organisation ON learner (organisation_id);
                CREATE INDEX ix_learner_region ON learner (region_id);
                CREATE TABLE learning_secret (
                    name {d.Text} NOT NULL PRIMARY KEY,
                    value {d.Text} NOT NULL);
                CREATE TABLE topic_request (
                    id {d.IdentityColumn},
                    title {d.Text} NOT NULL,
                    detail {d.Text} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    created_utc {d.Timestamp} NOT NULL,
                    votes {d.Int} NOT NULL,
                    status {d.Text} NOT NULL);
                CREATE INDEX ix_topic_request_votes ON topic_request (votes DESC, id);
                CREATE TABLE topic_vote (
                    request_id {d.BigInt} NOT NULL,
                    user_id {d.BigInt} NOT NULL,
                    PRIMARY KEY (request_id, user_id));
                """);
        }),
        new(2, async context =>
        {
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE rollup_state (
                    period {d.Text} NOT NULL PRIMARY KEY,
                    learners {d.BigInt} NOT NULL,
                    members {d.BigInt} NOT NULL,
                    rolled_utc {d.Timestamp} NULL);
                CREATE TABLE points_rollup (
                    period {d.Text} NOT NULL,
                    points {d.Int} NOT NULL,
                    learners {d.BigInt} NOT NULL,
                    PRIMARY KEY (period, points));
                CREATE TABLE group_rollup (
                    kind {d.Text} NOT NULL,
                    period {d.Text} NOT NULL,
                    group_id {d.Text} NOT NULL,
                    members {d.BigInt} NOT NULL,
                    participants {d.BigInt} NOT NULL,
                    points {d.BigInt} NOT NULL,
                    PRIMARY KEY (kind, period, group_id));
                """);
        }),
        new(3, async context =>
        {
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE maintenance_run (
                    name {d.Text} NOT NULL PRIMARY KEY,
                    last_run_utc {d.Timestamp} NULL,
                    finished_utc {d.Timestamp} NULL,
                    last_removed {d.BigInt} NOT NULL,
                    last_error {d.Text} NULL);
                CREATE INDEX ix_study_session_superseded ON study_session (superseded, opened_utc);
                CREATE INDEX ix_study_session_completed ON study_session (completed_utc);
                """);
        }),
        new(4, async context =>
        {
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                CREATE TABLE quiz_attempt (
                    user_id {d.BigInt} NOT NULL,
                    content_item_id {d.Text} NOT NULL,
                    study_day {d.Int} NOT NULL,
                    attempts {d.Int} NOT NULL,
                    PRIMARY KEY (user_id, content_item_id, study_day));
                """);
        }),
        new(5, async context =>
        {
            // Leaderboards by consent: a learner is named on the people board only after choosing to be.
            var d = context.Dialect;
            await context.ExecuteAsync($"""
                ALTER TABLE learner ADD COLUMN show_name {d.Bool} NOT NULL DEFAULT FALSE;
                CREATE INDEX ix_learner_named ON learner (user_id) WHERE show_name = TRUE;
                ALTER TABLE points_rollup ADD COLUMN named {d.BigInt} NOT NULL DEFAULT 0;
                """);
        }),
        // A text lesson with narration: listening counts instead of the reading time, but is not required.
        new(6, context => context.ExecuteAsync($"ALTER TABLE study_session ADD COLUMN media_optional {context.Dialect.Bool} NOT NULL DEFAULT FALSE")),
        // What a certificate is for: empty for a course, "contest" for a contest's map lit up.
        new(7, context => context.ExecuteAsync($"ALTER TABLE certificate ADD COLUMN kind {context.Dialect.Text} NULL;")),
        // A worker's daily quiz as first drawn that day, so lessons published later in the day do not change it.
        new(8, context => context.ExecuteAsync($"""
            CREATE TABLE daily_quiz_draw (
                user_id {context.Dialect.BigInt} NOT NULL,
                day {context.Dialect.Int} NOT NULL,
                question_ids {context.Dialect.Text} NOT NULL,
                PRIMARY KEY (user_id, day));
            """)),
        // The expired-data job's claims move to the shared job_claim table.
        new(9, MaintenanceRunMove.ApplyAsync),
    ];
}
