namespace CivicsClass.Contests.Rankings;

/// <summary>
/// An organisation's (or region's) place, its sub-organisations counted in. Participation is
/// participants / members; coverage the share of its sub-organisations with members in which someone
/// took part (for one without any, whether anyone did); average best score the mean of participants'
/// best rounds (0–1); activity the share of member-days on which a member answered; the score their
/// weighted mean on a 0–100 scale.
/// </summary>
internal sealed record GroupStanding(
    int Rank, string Id, string Name, int Depth, long Members, long Participants,
    double Participation, double Coverage, double AverageBest, double Activity, double Score);
