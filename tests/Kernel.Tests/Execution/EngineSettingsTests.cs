using CSharpKernel.Execution;
using CSharpKernel.Security;

namespace CSharpKernel.Tests.Execution;

public sealed class EngineSettingsTests
{
    [Test]
    public void Every_setting_comes_from_the_environment_once()
    {
        var environment = new Dictionary<string, string?>
        {
            [EngineSettings.ClassifierCacheVariable] = "16",
            [EngineSettings.OutLimitVariable] = "5",
            [EngineSettings.InterruptGraceVariable] = "250",
            [EngineSettings.PackageCacheVariable] = "/tmp/restores",
            ["CSHARP_KERNEL_HISTORY"] = "off",
        };
        var read = new List<string>();
        var settings = EngineSettings.FromEnvironment(name =>
        {
            read.Add(name);
            return environment.GetValueOrDefault(name);
        });
        Assert.That(settings, Is.EqualTo(new EngineSettings
        {
            ClassifierCacheSize = 16,
            OutLimit = 5,
            InterruptGrace = TimeSpan.FromMilliseconds(250),
            PackageCache = "/tmp/restores",
            HistoryFile = null,
        }));
        Assert.That(read, Is.Unique, "each variable is read once");
    }

    [TestCase("lots")]
    [TestCase("-1")]
    [TestCase("0")]
    public void A_bad_cache_size_falls_back_to_the_default(string text)
    {
        var options = EngineSettings.FromEnvironment(name => name == EngineSettings.ClassifierCacheVariable ? text : null);
        Assert.That(options.ClassifierCacheSize, Is.EqualTo(new EngineSettings().ClassifierCacheSize));
    }

    [Test]
    public void A_level_other_than_unrestricted_brings_its_limits()
    {
        var settings = EngineSettings.FromEnvironment(name => name == EngineSettings.PolicyVariable ? "Sandbox" : null);
        Assert.That(settings.Level, Is.EqualTo(SecurityLevel.Sandbox));
        Assert.That(settings.Limits, Is.EqualTo(ResourceLimits.DefaultFor(SecurityLevel.Sandbox)));
        Assert.That(settings.Limits.CellTime, Is.Not.Null);
        Assert.That(EngineSettings.FromEnvironment(_ => null).Limits, Is.EqualTo(ResourceLimits.None), "unrestricted, today's behaviour, has no limits");
    }

    [Test]
    public void A_level_that_cannot_be_read_is_the_strictest()
    {
        var settings = EngineSettings.FromEnvironment(name => name == EngineSettings.PolicyVariable ? "sandbx" : null);
        Assert.That(settings.Level, Is.EqualTo(SecurityLevel.Sandbox));
    }

    [Test]
    public void A_limit_of_zero_is_no_limit_and_others_are_in_their_units()
    {
        var environment = new Dictionary<string, string?>
        {
            [EngineSettings.PolicyVariable] = "restricted",
            [EngineSettings.MemoryLimitVariable] = "0",
            [EngineSettings.TimeLimitVariable] = "30",
            [EngineSettings.OutputLimitVariable] = "64",
            [EngineSettings.AllowedPackagesVariable] = "Newtonsoft.Json, Humanizer",
        };
        var settings = EngineSettings.FromEnvironment(environment.GetValueOrDefault);
        Assert.That(settings.Limits, Is.EqualTo(new ResourceLimits { CellTime = TimeSpan.FromSeconds(30), OutputBytes = 64 * 1024 }));
        Assert.That(settings.AllowedPackages, Is.EqualTo(new[] { "Newtonsoft.Json", "Humanizer" }));
    }
}
