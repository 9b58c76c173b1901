namespace CSharpKernel.Tests.Limits;

/// <summary>
/// The managed heap's limit, set from the environment after the runtime started: a cell that
/// fills the heap gets an out-of-memory error that says the limit and its setting, and the
/// kernel lives on with its state; what the cell's locals held is released.
/// </summary>
public sealed class MemoryLimitTests : LimitedKernel
{
    // Near its limit the GC collects at every allocation: filling the heap may take longer than the other fixtures' 3 s on a busy machine.
    protected override IReadOnlyDictionary<string, string>? Environment =>
        new Dictionary<string, string>(base.Environment!) { ["CSHARP_KERNEL_TIME_LIMIT_S"] = "60" };

    private const string HeapIsSmall = "GC.GetTotalMemory(forceFullCollection: true) < 128L << 20";

    [Test]
    public void A_runaway_allocation_gets_an_out_of_memory_error_and_its_memory_is_released()
    {
        var run = Client.Execute("{\n    var held = new List<byte[]>();\n    while (true) held.Add(new byte[1 << 20]);\n}");
        AssertFailed(run, "OutOfMemoryException", $"{MemoryMegabytes} MiB", "CSHARP_KERNEL_MEMORY_LIMIT_MB");
        AssertStateKept();
        Assert.That(Client.Execute(HeapIsSmall).Result, Is.EqualTo("true"), "the cell's locals died with it");
    }

    [Test]
    public void One_giant_array_gets_the_same_error() =>
        AssertFailed(Client.Execute("var giant = new long[100_000_000];"), "OutOfMemoryException", $"{MemoryMegabytes} MiB");

    [Test]
    public void A_variable_that_holds_the_memory_keeps_it_until_the_user_lets_go()
    {
        var run = Client.Execute("var text = new System.Text.StringBuilder();\nwhile (true) text.Append('x', 1 << 20);");
        AssertFailed(run, "OutOfMemoryException", "set them to null");
        AssertStateKept();
        Assert.That(Client.Execute("text.Length > 50_000_000").Result, Is.EqualTo("true"), "what the variable holds is kept");
        var released = Client.Execute("text = null;\n" + HeapIsSmall);
        Assert.That(released.Result, Is.EqualTo("true"), released.ToString());
    }

    [Test]
    public void A_thread_the_cell_started_that_runs_out_of_memory_ends_alone()
    {
        var run = Client.Execute("""
                                 var thread = new Thread(() => { var held = new List<byte[]>(); while (true) held.Add(new byte[1 << 20]); });
                                 thread.Start();
                                 thread.Join();
                                 "joined"
                                 """);
        Assert.That(run.Result, Is.EqualTo("\"joined\""), run.ToString());
        Assert.That(run.Stderr, Does.Contain("OutOfMemoryException").And.Contain("CSHARP_KERNEL_MEMORY_LIMIT_MB"));
        AssertStateKept();
        Assert.That(Client.Execute(HeapIsSmall).Result, Is.EqualTo("true"));
    }
}
