using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

public sealed class ResetCompletionTests : KernelFixture
{
    [Test]
    public void After_a_reset_only_names_declared_since_complete()
    {
        Assert.That(Client.Execute("var beforeReset = 1;").Status, Is.EqualTo("ok"));
        Assert.That(Matches("beforeRe"), Does.Contain("beforeReset"));

        Assert.That(Client.Execute("%reset").Status, Is.EqualTo("ok"));
        Assert.That(Client.Execute("var afterReset = 2;").Status, Is.EqualTo("ok"));

        Assert.That(Matches("beforeRe"), Does.Not.Contain("beforeReset"));
        Assert.That(Matches("afterRe"), Does.Contain("afterReset"));
        var inspection = Client.Request("inspect_request", new JsonObject { ["code"] = "beforeReset", ["cursor_pos"] = 3, ["detail_level"] = 0 });
        Assert.That(inspection.Content.GetProperty("found").GetBoolean(), Is.False);
    }

    private List<string> Matches(string code) =>
    [
        .. Client.Request("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length })
            .Content.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!),
    ];
}
