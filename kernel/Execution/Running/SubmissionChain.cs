using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// The chain of submissions between two resets, run by the kernel rather than by Roslyn's scripting
/// layer, which loads every cell's assembly for good and copies its state array on every run.
/// Compiling is still Roslyn's: each cell continues <see cref="Script"/>. A submission's
/// <c>&lt;Factory&gt;</c> stores the new submission object in its slot of the array, reads the
/// earlier ones (the globals at [0]) from it, and runs the cell's code. The chain's assemblies share
/// one collectible context that <see cref="Unload"/> lets go; a cell that runs off the chain gets one
/// of its own, unloaded once nothing refers to its code. Only the executor thread changes the chain;
/// <see cref="Variables"/> and <see cref="Variable"/> may be read from any thread.
/// </summary>
internal sealed class SubmissionChain
{
    private static int _epochs;

    // Shared with the contexts, which resolve the chain's submissions by name through it. An unloading
    // context is held until its assemblies are gone, and with it what its resolver reaches: the map,
    // never the chain (whose scripts hold every compilation of the chain).
    private readonly ConcurrentDictionary<string, Assembly> _assemblies = new(StringComparer.Ordinal);
    private readonly CellLoadContext _epoch;
    private object?[] _submissions = new object?[16];
    // The slot of the next submission with code: the compiler numbers a submission's slot after the
    // previous one that had code, and off-chain cells take the slot the next chain cell will take.
    private int _next = 1;
    private volatile ImmutableList<ChainVariable> _variables = [];
    private volatile ImmutableDictionary<string, ChainVariable> _latest = ImmutableDictionary.Create<string, ChainVariable>(StringComparer.Ordinal);

    private SubmissionChain(object globals, Script<object> first)
    {
        _submissions[0] = globals;
        _epoch = new CellLoadContext($"cells #{Interlocked.Increment(ref _epochs)}", _assemblies);
        Script = first;
    }

    /// <summary>The last script that joined the chain: the one the next cell continues.</summary>
    public Script<object> Script { get; private set; }

    /// <summary>Every top-level variable of the chain, in declaration order, a redeclared name once per declaration.</summary>
    public IReadOnlyList<ChainVariable> Variables => _variables;

    /// <summary>A chain whose first submission, built already, has run and joined it.</summary>
    public static SubmissionChain Start(object globals, Script<object> first)
    {
        var chain = new SubmissionChain(globals, first);
        var cell = chain.Load(first, joins: true);
        if (chain.Run(cell).GetAwaiter().GetResult().Exception is { } exception)
            ExceptionDispatchInfo.Throw(exception);
        chain.Join(cell);
        return chain;
    }

    /// <summary>The latest declaration of a top-level variable of that name, if any.</summary>
    public ChainVariable? Variable(string name) => _latest.GetValueOrDefault(name);

    /// <summary>Loads a built script that continues <see cref="Script"/>, into the chain's context if it is to join the chain.</summary>
    public LoadedCell Load(Script<object> script, bool joins)
    {
        var image = CellImage.Take(script);
        var compilation = script.GetCompilation();
        if (image.Bytes is not { } bytes || compilation.GetEntryPoint(CancellationToken.None) is not { } entryPoint)
            return new LoadedCell(script, joins, null, null, null);
        var own = joins ? null : new CellLoadContext($"cell {script.Options.FilePath}", _assemblies);
        var assembly = (own ?? _epoch).LoadFromStream(new MemoryStream(bytes, writable: false));
        if (joins)
            _assemblies[compilation.AssemblyName!] = assembly;
        var type = assembly.GetType(MetadataName(entryPoint.ContainingType), throwOnError: true)!;
        var factory = type.GetMethod(entryPoint.MetadataName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object?[], Task<object>>>();
        if (_next >= _submissions.Length)
            Array.Resize(ref _submissions, _submissions.Length * 2);
        return new LoadedCell(script, joins, type, factory, own);
    }

    /// <summary>Runs the cell's code; what it threw is its result, as what it assigned before it threw is kept.</summary>
    public async Task<CellResult> Run(LoadedCell cell)
    {
        if (cell.Factory is not { } factory)
            return new CellResult(null, null);
        try
        {
            return new CellResult(await factory(_submissions).ConfigureAwait(false), null);
        }
        catch (Exception exception)
        {
            return new CellResult(null, exception);
        }
    }

    /// <summary>The cell, which ran (or threw), joins the chain: later cells continue it and see its variables.</summary>
    public void Join(LoadedCell cell)
    {
        Script = cell.Script;
        if (cell.SubmissionType is not { } type)
            return;
        // The constructor stores the submission before any of the cell's code runs; should it not
        // have, the object is made without running the code, as Roslyn's own runner does.
        var submission = _submissions[_next] ??= Activator.CreateInstance(type, [_submissions])!;
        _next++;
        var variables = _variables;
        var latest = _latest;
        foreach (var field in type.GetFields(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            // Fields the compiler made (the globals, earlier submissions) have names no C# identifier can have.
            if (field.Name.Length == 0 || !(char.IsLetterOrDigit(field.Name[0]) || field.Name[0] == '_'))
                continue;
            var variable = new ChainVariable(submission, field);
            variables = variables.Add(variable);
            latest = latest.SetItem(variable.Name, variable);
        }
        _variables = variables;
        _latest = latest;
    }

    /// <summary>
    /// The cell ran off the chain, or was left behind by an interrupt: its slot is free for the next
    /// cell, and its own context unloads once nothing refers to its code (a lambda it left in a variable, a task it started).
    /// </summary>
    public void Leave(LoadedCell cell)
    {
        if (cell.Factory is not null)
            _submissions[_next] = null;
        cell.OwnContext?.Unload();
    }

    /// <summary>Lets the chain's assemblies go, returning a reference that dies once their context is gone: they unload once nothing refers to their code (formatters and history are cleared by the reset).</summary>
    public WeakReference Unload()
    {
        // The unloading context holds the map until its assemblies are gone: an entry left would keep them all.
        _assemblies.Clear();
        Array.Clear(_submissions);
        _variables = [];
        _latest = _latest.Clear();
        _epoch.Unload();
        return new WeakReference(_epoch);
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } space ? $"{space.ToDisplayString()}.{type.MetadataName}" : type.MetadataName;
}
