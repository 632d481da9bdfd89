namespace CivicsClass.Learning.CheckIns;

public sealed record CheckInCode(string Code, DateTime ExpiresUtc);
