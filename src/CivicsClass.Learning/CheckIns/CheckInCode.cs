namespace CivicsClass.Learning.CheckIns;

internal sealed record CheckInCode(string Code, DateTime ExpiresUtc);
