using System.Collections.Immutable;
using CSharpKernel.Execution.Packages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// The Roslyn script state chain. Each cell that compiles continues the previous state; a cell
/// that fails to compile leaves the chain as it was; a cell that throws keeps what it assigned.
/// Only the executor thread runs cells; the snapshots below may be read from any thread.
/// </summary>
public sealed class ScriptSession
{
    /// <summary>Compiles and runs through the whole chain once, so the first user cell is fast.</summary>
    private const string WarmUpCode = "System.Console.Out.Flush();";

    private readonly ScriptOptions _options;
    private readonly ScriptGlobals _globals;
    private ScriptState<object>? _state;
    private ImmutableList<string> _submittedCells = [];
    private ImmutableDictionary<string, ScriptVariable> _variables = ImmutableDictionary<string, ScriptVariable>.Empty;

    public ScriptSession(ScriptGlobals globals, ScriptOptions options)
    {
        _globals = globals;
        _options = options;
    }

    /// <summary>The text of every cell that joined the chain, in order; a snapshot, safe to read from any thread.</summary>
    public IReadOnlyList<string> SubmittedCells => Volatile.Read(ref _submittedCells);

    /// <summary>
    /// Reads a top-level variable's current value (the latest declaration of that name wins), from
    /// any thread: the value is read from the live submission object, so it can change while a cell runs.
    /// </summary>
    public bool TryReadVariable(string name, out object? value)
    {
        value = null;
        if (!Volatile.Read(ref _variables).TryGetValue(name, out var variable))
            return false;
        value = variable.Value;
        return true;
    }

    public void WarmUp()
    {
        if (_state is not null)
            return;
        _state = CSharpScript.RunAsync(WarmUpCode, _options, _globals, typeof(ScriptGlobals)).GetAwaiter().GetResult();
    }

    /// <summary>Runs a cell, waiting for it unless the token is cancelled first.</summary>
    public CellOutcome Run(string code, int executionCount, CancellationToken token)
    {
        WarmUp();
        var cellName = CellName.For(executionCount);
        var script = _state!.Script.ContinueWith(code, _options.WithFilePath(cellName));

        List<Diagnostic> errors;
        try
        {
            errors = script.Compile(token).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return CellOutcome.Failed(Tracebacks.Interrupted());
        }
        catch (RestoreFailedException e)
        {
            return CellOutcome.Failed(Tracebacks.ForException(e));
        }
        if (errors.Count > 0)
            return CellOutcome.Failed(Tracebacks.ForDiagnostics(errors, cellName));

        var run = script.RunFromAsync(_state, _ => true, token);
        try
        {
            run.Wait(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The cell is left to finish or fail on its own; the chain stays at the last good state.
            return CellOutcome.Failed(Tracebacks.Interrupted());
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException && token.IsCancellationRequested)
        {
            return CellOutcome.Failed(Tracebacks.Interrupted());
        }

        var state = run.Result;
        _state = state;
        Volatile.Write(ref _submittedCells, _submittedCells.Add(code));
        Volatile.Write(ref _variables, state.Variables.Aggregate(ImmutableDictionary<string, ScriptVariable>.Empty, (all, v) => all.SetItem(v.Name, v)));
        if (state.Exception is { } exception)
        {
            return exception is OperationCanceledException && token.IsCancellationRequested
                ? CellOutcome.Failed(Tracebacks.Interrupted())
                : CellOutcome.Failed(Tracebacks.ForException(exception));
        }
        return CellClassifier.EndsInExpression(code) && state.ReturnValue is not null
            ? CellOutcome.WithValue(state.ReturnValue)
            : CellOutcome.Nothing;
    }
}
