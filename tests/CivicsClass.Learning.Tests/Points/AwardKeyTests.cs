using System.Globalization;
using CivicsClass.Learning.Points;
using Xunit;

namespace CivicsClass.Learning.Tests.Points;

/// <summary>Ledger keys are made in one place, the same way on every machine, so a repeated request always finds its first payment.</summary>
public sealed class AwardKeyTests
{
    [Fact]
    public void A_key_is_the_activity_and_its_parts_joined_by_colons()
    {
        Assert.Equal("quiz:42:lesson-1", Award.KeyFor("quiz", 42L, "lesson-1"));
        Assert.Equal("daily-visit:42:20261205", Award.KeyFor("daily-visit", 42L, 20261205));
        Assert.Equal("reverse", Award.KeyFor("reverse"));
    }

    [Fact]
    public void A_key_does_not_depend_on_the_machines_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var german = Award.KeyFor("contest", 1.5, 1234567L);
            CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
            Assert.Equal(german, Award.KeyFor("contest", 1.5, 1234567L));
            Assert.Equal("contest:1.5:1234567", german);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
