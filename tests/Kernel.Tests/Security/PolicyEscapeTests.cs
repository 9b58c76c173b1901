using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// The escape suite at every level, one kernel per level: each attempt is refused, before it runs,
/// with its API, the level, its line and column, at the levels below the one that allows it, and
/// compiles and runs where allowed. After each refusal the kernel still answers, the variable set
/// before is unchanged and the execution count went on by one.
/// </summary>
[TestFixtureSource(nameof(Levels))]
public sealed class PolicyEscapeTests : KernelFixture
{
    private const int Marker = 41;

    private static readonly string PackageCache = Directory.CreateTempSubdirectory("kernel-escape-packages-").FullName;

    private readonly string _level;

    public PolicyEscapeTests(string level) => _level = level;

    public static IEnumerable<string> Levels => ["sandbox", "restricted", "standard", "unrestricted"];

    public static IEnumerable<EscapeAttempt> Attempts => EscapeAttempts.All();

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["CSHARP_KERNEL_POLICY"] = _level,
        ["CSHARP_KERNEL_ALLOWED_PACKAGES"] = "Humanizer.Core",
        ["CSHARP_KERNEL_PACKAGE_CACHE"] = PackageCache,
    };

    protected override string WorkingDirectory => EscapeWorkspace.Directory;

    [OneTimeSetUp]
    public void SetMarker() => Assert.That(Client.Execute($"var marker = {Marker};").Status, Is.EqualTo("ok"));

    [Test]
    public void The_suite_tries_at_least_forty_ways_out() =>
        Assert.That(Attempts.Count(a => a.AllowedFrom != "sandbox"), Is.GreaterThanOrEqualTo(40));

    [TestCaseSource(nameof(Attempts))]
    public void Each_attempt_is_refused_below_the_level_that_allows_it_and_runs_from_there(EscapeAttempt attempt)
    {
        if (attempt.Setup is { } setup)
            Assert.That(Client.Execute(setup).Status, Is.EqualTo("ok"), "setup");
        var result = Client.Execute(attempt.Code, stopOnError: false, timeout: TimeSpan.FromMinutes(3));
        var count = result.Reply.Content.GetProperty("execution_count").GetInt32();
        if (!attempt.IsRefusedAt(_level))
        {
            Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
            return;
        }

        Assert.That(result.Status, Is.EqualTo("error"), result.ToString());
        Assert.That(result.Error?.Str("ename"), Is.EqualTo("PolicyRefusal"), result.ToString());
        var (line, column) = attempt.Place();
        var traceback = result.Error!.Content.GetProperty("traceback").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.That(traceback, Does.Contain($"Cell In[{count}], line {line}, col {column}: {attempt.Api} is not allowed at the {_level} level"));

        var after = Client.Execute("marker");
        Assert.That(after.Result, Is.EqualTo(Marker.ToString()), "the state is untouched and the kernel answers");
        Assert.That(after.Reply.Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(count + 1));
    }
}
