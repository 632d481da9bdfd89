namespace CivicsClass.Contests.Live;

/// <summary>One person's answer to one question of a live final, graded and scored by the server when it arrived.</summary>
internal sealed record LiveAnswer(string RoomId, int Position, long UserId, string TeamId, int Chosen, bool Correct, int ElapsedMs, int Score, DateTime AnsweredUtc);
