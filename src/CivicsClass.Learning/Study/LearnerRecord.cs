using CivicsClass.Content.Security;
using CivicsClass.Data.Documents;

namespace CivicsClass.Learning.Study;

/// <summary>Keeps a learner's name, organisation, region and naming choice in step with their account.</summary>
internal sealed class LearnerRecord : IAccountHandler
{
    public Task SavedAsync(ISession session, SavedAccount account) =>
        Learners.SaveAsync(session, new Learner(account.UserId, account.DisplayName, account.OrganisationId, account.RegionId, account.ShowName));
}
