using Microsoft.Playwright;

namespace CivicsClass.E2E;

/// <summary>
/// The checks every step of a phone journey gets: the step's text has arrived, the page does not scroll
/// sideways, axe-core finds no serious or critical violation, and a screenshot is kept. What is wrong is
/// collected, so one run names every page at fault.
/// </summary>
internal sealed class JourneySteps(IPage page, string journey)
{
    public List<string> Findings { get; } = [];

    public async Task AtAsync(string text, string step)
    {
        try
        {
            await page.GetByText(text).First.WaitForAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            await BrowserSite.ShotAsync(page, $"{journey}-{step}-failed");
            throw;
        }

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        if (overflow > 0)
        {
            Findings.Add($"{journey}-{step} {page.Url} is {overflow}px wider than the screen");
        }

        Findings.AddRange(await Axe.SeriousAsync(page, $"{journey}-{step}"));
        await BrowserSite.ShotAsync(page, $"{journey}-{step}");
    }
}
