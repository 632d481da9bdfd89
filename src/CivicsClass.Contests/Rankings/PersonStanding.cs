namespace CivicsClass.Contests.Rankings;

/// <summary>A person's place: by best round (share right), then points lit, then rounds taken. Names of others are shortened.</summary>
internal sealed record PersonStanding(int Rank, long UserId, string Name, int BestCorrect, double BestRatio, int Lit, int Rounds, bool Mine);
