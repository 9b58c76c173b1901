namespace CSharpKernel.Tests.Limits;

/// <summary>Endless recursion at a level with limits is refused before the stack overflows, and the kernel goes on.</summary>
public sealed class RecursionLimitTests : LimitedKernel
{
    // Unwinding a million frames takes longer than the other fixtures' 3 s.
    protected override IReadOnlyDictionary<string, string>? Environment =>
        new Dictionary<string, string>(base.Environment!) { ["CSHARP_KERNEL_TIME_LIMIT_S"] = "120" };

    [Test]
    public void Infinite_recursion_is_refused_and_the_kernel_keeps_its_state()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = Client.Execute("int Deeper(int n) => Deeper(n + 1) + 1;\nDeeper(0)", timeout: TimeSpan.FromSeconds(150));
        TestContext.Out.WriteLine($"refused and unwound in {started.Elapsed.TotalSeconds:0.0} s");
        AssertFailed(run, "InsufficientExecutionStackException", "recursed deeper than the kernel allows");
        AssertStateKept();
    }
}
