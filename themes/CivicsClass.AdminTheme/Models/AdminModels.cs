using CivicsClass.Content.Editing;
using CivicsClass.Theme.Models;

namespace CivicsClass.AdminTheme.Models;

/// <summary>What the admin layout shows around every page: who is signed in, what they may reach, unread notifications.</summary>
public sealed record AdminChrome(string DisplayName, int UnreadNotifications, IReadOnlyList<AdminLink> Links);

public sealed record AdminLink(string Url, string Label);

/// <summary>The admin layout's source of <see cref="AdminChrome"/>, implemented by the host.</summary>
public interface IAdminChromeSource
{
    Task<AdminChrome> GetAsync();
}

public sealed record DashboardViewModel(
    string Title,
    IReadOnlyList<NotificationRow> Notifications,
    int InReview,
    IReadOnlyList<ContentRow> MyItems,
    IReadOnlyList<TypeLink> CreatableTypes);

public sealed record NotificationRow(string Message, string? Link, string When, bool Unread);

public sealed record TypeLink(string Name, string DisplayName);

public sealed record ContentRow(string Id, string Title, string Type, string TypeDisplayName, string Status, string StatusLabel, bool Published,
    string Owner, string Modified, string? SiteUrl);

public sealed record ContentListViewModel(
    string Title,
    string Type,
    string TypeDisplayName,
    IReadOnlyList<ContentRow> Rows,
    int Total,
    int Page,
    int Pages,
    string? Status,
    string? Owner,
    string? Term,
    string? Query,
    IReadOnlyList<TermChoice> Terms,
    bool CanCreate,
    bool OnlyOwn);

public sealed record AuditRow(string When, string Action, string Who, string? Comment);

public sealed record EditorActions(bool CanSubmit, bool CanPublish, bool CanRemove, bool CanUnpublish, bool IsNew);

public sealed record ContentEditorViewModel(
    string Title,
    string Type,
    string TypeDisplayName,
    string? ContentItemId,
    string? VersionId,
    long Version,
    string StatusLabel,
    string? SiteUrl,
    IReadOnlyList<EditorField> Fields,
    FormErrors Errors,
    IReadOnlyList<AuditRow> History,
    string? ReturnComment,
    string? ScheduledFor,
    EditorActions Actions,
    string? Message,
    IReadOnlyList<VersionRow>? Versions = null);

/// <summary>An earlier version of an item, which those who may edit it can restore as a new draft.</summary>
public sealed record VersionRow(string VersionId, int Number, string When, string Title, string State);

public sealed record DiffLine(char Change, string Text);

public sealed record FieldChange(string Label, string? Before, string? After, IReadOnlyList<DiffLine>? Lines);

public sealed record ReviewQueueViewModel(string Title, IReadOnlyList<ContentRow> Items, IReadOnlyList<ContentRow> Scheduled);

/// <param name="VersionId">The version shown, which approving publishes and nothing else.</param>
public sealed record ReviewViewModel(string Title, ContentRow Item, bool HasPublished, IReadOnlyList<FieldChange> Changes, IReadOnlyList<AuditRow> History,
    FormErrors Errors, string? DefaultPublishAt, string VersionId);

public sealed record TaxonomyListViewModel(string Title, IReadOnlyList<TypeLink> Taxonomies);

public sealed record TaxonomyEditViewModel(string Title, string Alias, string DisplayName, IReadOnlyList<EditorOption> Terms, FormErrors Errors, string? Message);

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string Created, bool LockedOut);

public sealed record UserListViewModel(string Title, IReadOnlyList<UserRow> Users, IReadOnlyList<TypeLink> Roles, string? Query, string? Role, int Total, int Page, int Pages);

public sealed record UserEditViewModel(string Title, UserRow User, IReadOnlyList<TypeLink> Roles, FormErrors Errors, string? Message);

public sealed record PermissionChoice(string Name, string DisplayName, string Group, bool Granted);

public sealed record RoleRow(string Name, string DisplayName, string? Description, IReadOnlyList<PermissionChoice> Permissions, IReadOnlyList<string> Undeclared);

public sealed record RolesViewModel(string Title, IReadOnlyList<RoleRow> Roles, string? Message);

public sealed record TypeFieldRow(string Name, string DisplayName, string Type, string Settings);

/// <summary>A type on the admin's types page; <paramref name="Authoring"/> and <paramref name="CheckIn"/> are the setting's names.</summary>
public sealed record TypeRow(string Name, string DisplayName, IReadOnlyList<string> Parts, IReadOnlyList<TypeFieldRow> Fields,
    string Authoring, bool Studied, string CheckIn);

public sealed record TypesViewModel(string Title, IReadOnlyList<TypeRow> Types, IReadOnlyList<TypeLink> FieldKinds, IReadOnlyList<TypeLink> Taxonomies,
    FormErrors Errors, string? Message, IReadOnlyList<TypeLink> Parts);

public sealed record RecipesViewModel(string Title, IReadOnlyList<TypeLink> Types, FormErrors Errors, string? Message);

public sealed record PointsSettingRow(string Name, double? Value);

public sealed record PointsRuleRow(string Name, string DisplayName, string? Description, int Points, int? DailyCap, bool Enabled, IReadOnlyList<PointsSettingRow> Settings);

public sealed record PointsRulesViewModel(string Title, IReadOnlyList<PointsRuleRow> Rules, string? Message, IReadOnlyDictionary<string, string> Errors);

public sealed record FailedJobRow(long Id, string Item, int Attempts, string Error, string FailedAt);

/// <summary>This node's search index against the index log.</summary>
public sealed record SearchIndexStatus(int Documents, long Cursor, long Head, long Lag, string Size);

public sealed record ScheduledRow(string Item, string Url, string Due);

public sealed record RollupRow(string Period, long Learners, string RolledAt);

public sealed record CleanupRow(string Name, string Kind, string LastRun, long Removed, string State, string? Error);

public sealed record JobsViewModel(string Title, string? Message, IReadOnlyList<JobRunRow> Runs, SearchIndexStatus Search, IReadOnlyList<FailedJobRow> Failures,
    IReadOnlyList<ScheduledRow> Scheduled, IReadOnlyList<RollupRow> Rollups, IReadOnlyList<CleanupRow> Cleanups, FormJobsView Forms);

/// <summary>The lessons' generated forms: how many of each kind stand in each state, and the jobs not yet done.</summary>
public sealed record FormJobsView(IReadOnlyList<FormCountRow> Counts, IReadOnlyList<FormJobRow> Open);

public sealed record FormCountRow(string Kind, string State, long Jobs);

public sealed record FormJobRow(long Id, string Item, string Url, string Kind, string State, int Attempts, string? Error, string Created);

public sealed record LedgerRow(long Id, string When, int StudyDay, string Activity, int Points, string? Reason, string? Note, bool CanReverse);

public sealed record LearnerLink(long Id, string Name, string UserName);

public sealed record PointsLedgerViewModel(string Title, string? Query, IReadOnlyList<LearnerLink> Found, LearnerLink? Learner, int Balance,
    IReadOnlyList<LedgerRow> Entries, long? OlderThan, string? Message, string? Error);

public sealed record CountRow(string Name, long Count, long Second = 0, string? Url = null);

public sealed record RequestAdminRow(long Id, string Title, string Detail, int Votes, string Status);

public sealed record AnalyticsViewModel(string Title, int Days, IReadOnlyList<ChartModel> Series, IReadOnlyList<CountRow> TopLessons, ChartModel Themes,
    ChartModel Industries, IReadOnlyList<CountRow> Regions, IReadOnlyList<CountRow> Organisations, IReadOnlyList<CountRow> Misses,
    IReadOnlyList<TrendRow> RisingLessons, IReadOnlyList<TrendRow> RisingSearches, IReadOnlyList<RequestAdminRow> Requests,
    long Learners, long ActiveLearners, bool CanManageRequests);

/// <summary>A chart drawn on the server as SVG, with its figures as a table beside it for screen readers and exact reading.</summary>
public sealed record ChartModel(string Id, string Title, string Unit, IReadOnlyList<ChartPoint> Points)
{
    public double Max => Points.Count == 0 ? 0 : Points.Max(p => p.Value);

    public double Total => Points.Sum(p => p.Value);

    /// <summary>The top of the scale: the maximum rounded up to 1, 2 or 5 times a power of ten.</summary>
    public double Scale
    {
        get
        {
            if (Max <= 0)
            {
                return 1;
            }

            var power = Math.Pow(10, Math.Floor(Math.Log10(Max)));
            return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(v => v >= Max);
        }
    }
}

public sealed record ChartPoint(string Label, double Value, string? Url = null);

/// <summary>Searched or studied this week against the weekly average of the four weeks before.</summary>
public sealed record TrendRow(string Name, long ThisWeek, double WeeklyBefore, string? Url = null);
