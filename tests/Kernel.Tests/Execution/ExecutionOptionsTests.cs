using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

public sealed class ExecutionOptionsTests
{
    [Test]
    public void Limits_come_from_the_environment()
    {
        var environment = new Dictionary<string, string?>
        {
            [ExecutionOptions.ClassifierCacheVariable] = "16",
            [ExecutionOptions.OutLimitVariable] = "5",
        };
        var options = ExecutionOptions.FromEnvironment(name => environment.GetValueOrDefault(name));
        Assert.That(options, Is.EqualTo(new ExecutionOptions { ClassifierCacheSize = 16, OutLimit = 5 }));
    }

    [TestCase("lots")]
    [TestCase("-1")]
    [TestCase("0")]
    public void A_bad_cache_size_falls_back_to_the_default(string text)
    {
        var options = ExecutionOptions.FromEnvironment(name => name == ExecutionOptions.ClassifierCacheVariable ? text : null);
        Assert.That(options.ClassifierCacheSize, Is.EqualTo(new ExecutionOptions().ClassifierCacheSize));
    }
}
