namespace CivicsClass.E2E;

/// <summary>A site without the demo content whose form jobs run, so a lesson published by a test is narrated within seconds.</summary>
public sealed class NarrationSite() : BrowserSite(new Dictionary<string, string?>
{
    ["Setup:ImportSeeds"] = "false",
    ["Forms:RunJobs"] = "true",
    ["Forms:PollSeconds"] = "0.2",
});
