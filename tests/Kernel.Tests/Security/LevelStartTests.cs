using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>The level is a start setting: `run --policy` chooses it over the environment, and nothing a cell does afterwards changes it.</summary>
public sealed class LevelStartTests
{
    [Test]
    public void Run_policy_overrides_the_environments_level()
    {
        using var kernel = KernelProcess.Start(["dotnet", KernelProcess.KernelDll, "run", "--policy", "standard", "--connection-file", "{connection_file}"],
            LoopbackConnection.Loopback("", "csharp"), new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "unrestricted", ["CSHARP_KERNEL_HISTORY"] = "off" });
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        Assert.That(client.Request("kernel_info_request", new JsonObject()).Str("banner"), Does.Contain("Security level: standard"));
    }

    [Test]
    public void A_cell_that_sets_the_levels_variable_and_resets_keeps_the_level_the_kernel_started_with()
    {
        using var kernel = KernelProcess.Start(environment: new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "standard" });
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        var set = client.Execute("System.Environment.SetEnvironmentVariable(\"CSHARP_KERNEL_POLICY\", \"unrestricted\");\nSystem.Environment.GetEnvironmentVariable(\"CSHARP_KERNEL_POLICY\")");
        Assert.That(set.Result, Is.EqualTo("\"unrestricted\""), set.ToString());
        Assert.That(client.Execute("%reset").Status, Is.EqualTo("ok"));
        Assert.That(client.Execute("%lsmagic").Stdout, Does.Contain("Security level: standard (limits:"));
        Assert.That(client.Request("kernel_info_request", new JsonObject()).Str("banner"), Does.Contain("Security level: standard"));
    }

    [Test]
    public void An_unrestricted_kernel_says_so_and_that_it_has_no_wall()
    {
        using var kernel = KernelProcess.Start();
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        Assert.That(client.Request("kernel_info_request", new JsonObject()).Str("banner"),
            Does.EndWith("\nSecurity level: unrestricted (limits: none; second wall: off at this level)"));
    }
}
