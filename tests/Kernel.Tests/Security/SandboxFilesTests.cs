using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>Sandbox is pure computation: <c>Kernel.Files</c> refuses every call there, with the level it needs.</summary>
public sealed class SandboxFilesTests : KernelFixture
{
    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "sandbox" };

    [TestCase("Kernel.Files.ReadText(\"notes.txt\")")]
    [TestCase("Kernel.Files.WriteText(\"notes.txt\", \"x\")")]
    [TestCase("Kernel.Files.List()")]
    public void Every_call_is_refused_at_sandbox(string code)
    {
        var result = Client.Execute(code);
        Assert.That(result.Error?.Str("ename"), Is.EqualTo("UnauthorizedAccessException"), result.ToString());
        Assert.That(result.Error!.Str("evalue"), Does.Contain("Kernel.Files is not available at the sandbox level"));
    }
}
