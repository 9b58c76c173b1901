using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Security;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>A kernel started at sandbox says so in kernel_info's banner, #!about and %lsmagic, with its limits and its second wall.</summary>
public sealed class LevelVisibilityTests : KernelFixture
{
    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "sandbox", ["CSHARP_KERNEL_TIME_LIMIT_S"] = "30" };

    /// <summary>What this machine's Linux offers decides what the wall can say.</summary>
    internal static string ExpectedWall => LandlockRuleset.Abi() is var abi and > 0
        ? $"second wall: on: Landlock ABI {abi}"
        : "second wall: partial (Landlock";

    [Test]
    public void The_banner_names_the_level_its_limits_and_the_second_wall()
    {
        var banner = Client.Request("kernel_info_request", new JsonObject()).Str("banner");
        Assert.That(banner, Does.Contain("Security level: sandbox (limits: memory 2048 MB, time 30 s per cell, output 4096 KB per cell; "));
        Assert.That(banner, Does.Contain(ExpectedWall));
    }

    [Test]
    public void About_shows_the_level_the_limits_and_the_wall()
    {
        var about = Client.Execute("#!about");
        Assert.That(about.Status, Is.EqualTo("ok"), about.ToString());
        var text = about.OfType("display_data").Concat(about.OfType("execute_result")).Single().Content.GetProperty("data").GetProperty("text/plain").GetString();
        Assert.That(text, Does.Contain("Security level: sandbox\nLimits: memory 2048 MB, time 30 s per cell, output 4096 KB per cell\nSecond wall: "));
        Assert.That(text, Does.Contain(ExpectedWall[("second wall: ".Length)..]));
    }

    [Test]
    public void Lsmagic_says_the_level()
    {
        var list = Client.Execute("%lsmagic");
        Assert.That(list.Stdout, Does.Contain("Security level: sandbox (limits: memory 2048 MB"));
    }

    [Test]
    public void Reset_keeps_the_level()
    {
        Assert.That(Client.Execute("%reset").Status, Is.EqualTo("ok"));
        Assert.That(Client.Execute("%lsmagic").Stdout, Does.Contain("Security level: sandbox"));
        Assert.That(Client.Request("kernel_info_request", new JsonObject()).Str("banner"), Does.Contain("Security level: sandbox"));
    }
}
