using System.Runtime.CompilerServices;
using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// Cells' assemblies are let go when nothing can run their code any more: the chain's at a reset,
/// an off-chain cell's once nothing refers to it. The runtime unloads a collectible context in the
/// collections after its last reference is gone (a finalizer first releases it, a later collection
/// frees it), so each check collects until it is gone, a bounded number of times.
/// </summary>
public sealed class CellUnloadTests
{
    private const int Collections = 10;

    private SessionCells _cells = null!;

    [SetUp]
    public void StartSession() => _cells = new SessionCells(new EngineSettings());

    private object? Value(string code) => _cells.Value(code);

    [Test]
    public void After_a_reset_the_old_chains_assemblies_are_unloaded()
    {
        Value("class Marker { }");
        for (var i = 0; i < 20; i++)
            Value($"var v{i} = new Marker();");
        var context = ContextOf("typeof(Marker).Assembly");
        _cells.Session.Reset();
        Assert.That(Collected(context), Is.True, "the old chain's load context is still alive after the reset");
    }

    [Test]
    public void An_off_chain_cells_assembly_is_unloaded_once_nothing_refers_to_its_code()
    {
        Value("WeakReference? probe = null;");
        // A statement that declares nothing: it runs off the chain, in a context of its own.
        Value("probe = new WeakReference(System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(new Func<int>(() => 1).Method.Module.Assembly));");
        Assert.That(_cells.Session.SubmittedCells, Has.Count.EqualTo(1));
        Assert.That(Collected(Probe()), Is.True, "the off-chain cell's load context is still alive");
    }

    [Test]
    public void A_lambda_an_off_chain_cell_left_in_a_variable_runs_after_many_cells_and_collections()
    {
        Value("Func<string>? later = null;");
        // Its first call loads an assembly no cell used before, after the cell's context was let go.
        Value("later = () => System.Xml.Linq.XElement.Parse(\"<a>kept</a>\").Value;");
        for (var i = 0; i < 30; i++)
            Value($"Console.Out.Write(\"{i}\");");
        Collect();
        Assert.That(Value("later!()"), Is.EqualTo("kept"));
    }

    [Test]
    public void A_declaring_cell_that_throws_keeps_what_it_assigned_and_declares_the_rest()
    {
        var outcome = _cells.Run("var before = 5;\nthrow new InvalidOperationException(\"boom\");\nvar after = 6;");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(nameof(InvalidOperationException)));
        Assert.That(Value("before"), Is.EqualTo(5));
        Assert.That(Value("after"), Is.EqualTo(0));
        Assert.That(_cells.Session.UserVariables().Select(v => v.Name), Is.SupersetOf(new[] { "before", "after" }));
    }

    private WeakReference Probe()
    {
        Assert.That(_cells.Session.TryReadVariable("probe", out var probe), Is.True);
        return (WeakReference)probe!;
    }

    // Not inlined, so that no local of the test keeps the context alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference ContextOf(string assembly) =>
        new(Value($"System.Runtime.Loader.AssemblyLoadContext.GetLoadContext({assembly})"));

    private static bool Collected(WeakReference reference)
    {
        for (var i = 0; i < Collections && reference.IsAlive; i++)
            Collect();
        return !reference.IsAlive;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }
}
