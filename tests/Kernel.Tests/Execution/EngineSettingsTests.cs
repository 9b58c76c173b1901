using CSharpKernel.Execution;

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
}
