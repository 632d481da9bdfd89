namespace CivicsClass.Learning.Api;

/// <summary>My balance, today's points and tasks, my streak and the latest ledger entries.</summary>
internal sealed record MyPoints(int Balance, int Today, int StreakDays, IReadOnlyList<DailyTask> Tasks, IReadOnlyList<Entry> Entries);
