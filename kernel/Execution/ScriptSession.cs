using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Display.Interactive;
using CSharpKernel.Execution.Packages;
using CSharpKernel.History;
using CSharpKernel.Logging;
using CSharpKernel.Magics.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// The Roslyn script state chain. Each cell that compiles continues the previous state; a cell
/// that fails to compile leaves the chain as it was; a cell that throws keeps what it assigned.
/// What a cell does depends on its mode (<see cref="CellClassifier"/>); values of value-producing
/// cells go to <see cref="CellHistory"/>. Only the executor thread runs cells; the snapshots
/// (<see cref="SubmittedCells"/>, <see cref="TryReadVariable"/>) may be read from any thread.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>Compiled and run off the chain once, so that the first user cell finds the compiler and the executor warm.</summary>
    private const string WarmUpCode = "System.Console.Out.Flush();";

    private const string UserExpressionName = "user_expressions";

    /// <summary>Enough for a context whose code nothing runs any more; a context still referenced is left to later collections.</summary>
    private const int UnloadCollections = 10;

    private readonly Lazy<ScriptOptions> _options;
    private readonly Lazy<ScriptOptions> _continuation;
    // Every chain starts from this script without code, whose compilation binds the references once
    // for the session: a chain started from a cell of its own bound all ~120 of them again after each
    // %reset (about 18 MiB).
    private readonly Lazy<Script<object>> _root;
    private bool _warmedUp;
    private readonly ScriptGlobals _globals;
    private readonly IReadOnlyDictionary<string, IMagicCommand> _magics;
    private readonly CellRunner _runner;
    private SubmissionChain? _chain;
    private readonly CellScripts _scripts = new();
    private volatile ImmutableList<string> _submitted = [];
    // Indexed on the first read after a cell rather than after every cell: listing a state's
    // variables walks every submission, which made each cell slower the longer the session.
    private volatile IReadOnlyList<ChainVariable>? _published;
    private volatile VariableIndex _variables = VariableIndex.Empty;
    // Package references not yet in the chain: a submission inherits its predecessors' references,
    // so they are given to the next cell that enters it, whether or not that cell had the directive.
    private ImmutableArray<MetadataReference> _pendingReferences = [];

    public ScriptSession(ScriptGlobals globals, ScriptOptions options, CellHistory history, CellClassifier classifier,
        IEnumerable<IMagicCommand> magics)
        : this(globals, () => options, history, classifier, magics)
    {
    }

    /// <param name="options">Built on first use: listing and opening the framework's assemblies is a large part of
    /// starting, and the kernel answers kernel_info before any cell needs them.</param>
    /// <param name="packages">Restores the packages cells reference; without it, a package directive is an error.</param>
    public ScriptSession(ScriptGlobals globals, Func<ScriptOptions> options, CellHistory history, CellClassifier classifier,
        IEnumerable<IMagicCommand> magics, PackageManager? packages = null, TimeSpan? interruptGrace = null)
    {
        Packages = packages;
        _runner = new CellRunner(interruptGrace ?? EngineSettings.DefaultInterruptGrace);
        _globals = globals;
        _options = new Lazy<ScriptOptions>(options, LazyThreadSafetyMode.ExecutionAndPublication);
        // A submission inherits its predecessors' references. Listing them all again made Roslyn bind
        // every framework assembly anew for each cell, and each compilation in the chain kept that
        // binding: about 650 KiB per cell with the ~170 framework references.
        _continuation = new Lazy<ScriptOptions>(() => _options.Value.WithReferences(Array.Empty<MetadataReference>()));
        _root = new Lazy<Script<object>>(() => CSharpScript.Create<object>("", _options.Value, typeof(ScriptGlobals)));
        History = history;
        Classifier = classifier;
        _magics = magics.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>A session with the default imports and references, limits from <paramref name="options"/>.</summary>
    /// <param name="store">Where the history of counted cells is kept for history_request; none in tests that do not ask.</param>
    public static ScriptSession Create(KernelApi kernel, EngineSettings options, IEnumerable<IMagicCommand> magics, HistoryStore? store = null)
    {
        var history = new CellHistory(options.OutLimit, store);
        var packages = new PackageManager(new PackageRestorer(options.PackageCache), kernel.Display);
        return new ScriptSession(new ScriptGlobals(kernel, history), DefaultScriptOptions.CreateForSession, history,
            new CellClassifier(options.ClassifierCacheSize), magics, packages, options.InterruptGrace) { Policy = PolicyGate.For(options) };
    }

    public CellHistory History { get; }
    public CellClassifier Classifier { get; }

    /// <summary>The security level's compile-time policy (issue 14); no check at all at unrestricted.</summary>
    public PolicyGate Policy { get; init; } = PolicyGate.None;

    /// <summary>The session's packages: what they gave cells to compile against, and the event raised when a restore brings new ones.</summary>
    public PackageManager? Packages { get; }

    /// <summary>
    /// The texts that entered the current chain, in order, as compiled (history names resolved), and
    /// in their places the texts as written of the cells whose variables went to the store, so that
    /// the language services see every variable declared. Safe to read from any thread: each change publishes a new list.
    /// </summary>
    public IReadOnlyList<string> SubmittedCells => Variables.Mirror(_submitted);

    /// <summary>The top-level variables of cells that declared nothing else, kept outside the chain.</summary>
    private VariableStore Variables => _globals.__kernel_store.Variables;

    /// <summary>The imports and resolvers cells compile with, so the language services see what cells see.</summary>
    public ScriptOptions Options => _options.Value;

    /// <summary>
    /// Reads a top-level variable's current value (the latest declaration of that name wins), from
    /// any thread: the value is read from the live submission object, so it can change while a cell runs.
    /// </summary>
    public bool TryReadVariable(string name, out object? value)
    {
        if (Variables.TryRead(name, out value, out _))
            return true;
        var index = _variables;
        if (index.State != _published)
            _variables = index = new VariableIndex(_published);
        if (!index.TryGet(name, out var variable))
            return false;
        value = variable.Value;
        return true;
    }

    /// <summary>The user's variables now: the latest of each name, in declaration order, hidden ones left out.</summary>
    public IReadOnlyList<UserVariable> UserVariables()
    {
        if (_chain is null)
            return [];
        var latest = new Dictionary<string, UserVariable>(StringComparer.Ordinal);
        foreach (var variable in _chain.Variables)
        {
            if (!ReservedNames.IsHidden(variable.Name))
                latest[variable.Name] = new UserVariable(variable.Name, variable.Type, variable.Value);
        }
        // A stored variable is the latest of its name unless a chain member declared later hides it.
        foreach (var stored in Variables.Variables())
        {
            latest.Remove(stored.Name);
            latest[stored.Name] = stored;
        }
        return [.. latest.Values];
    }

    /// <summary>The names of the %-commands this session knows.</summary>
    public IEnumerable<string> MagicNames => _magics.Keys;

    public void WarmUp()
    {
        if (_chain is not null)
            return;
        var root = _root.Value;
        // The root has no code: building it only binds the references, once for the session.
        CellCompiler.BuildErrors(root, CancellationToken.None);
        _chain = SubmissionChain.Start(_globals, root);
        if (_warmedUp)
            return;
        _warmedUp = true;
        var first = root.ContinueWith<object>(WarmUpCode, _continuation.Value);
        if (CellCompiler.BuildErrors(first, CancellationToken.None) is [var error, ..])
            throw new InvalidOperationException($"The session's first cell does not compile: {error}");
        var cell = _chain.Load(first, joins: false);
        _chain.Run(cell).GetAwaiter().GetResult();
        _chain.Leave(cell);
    }

    /// <summary>Runs a cell, waiting for it unless the token is cancelled first.</summary>
    public CellOutcome Run(string code, int executionCount, CancellationToken token, bool storeHistory = true)
    {
        if (storeHistory)
            History.RecordInput(executionCount, code);
        return RunBody(code, executionCount, storeHistory, token);
    }

    /// <summary>Runs code as cell <paramref name="executionCount"/> without recording it as input again.</summary>
    public CellOutcome RunBody(string code, int executionCount, bool storeHistory, CancellationToken token)
    {
        WarmUp();
        var classification = Classifier.Classify(code);
        if (classification.Magic is { } magic)
            return RunMagic(magic, new MagicContext(this, executionCount, storeHistory, token));
        // Policy (issue 14): directives the level refuses stop the cell before any is restored or read.
        if (Policy.Directives(code, CellName.For(executionCount)) is { } refused)
            return CellOutcome.Failed(refused);
        if (AddPackages(code, token) is { } directives)
        {
            if (directives.Error is { } failure)
                return failure;
            code = directives.Code;
            classification = Classifier.Classify(code);
        }
        if (classification.Mode == CellMode.Empty)
            return CellOutcome.Nothing;
        var capture = storeHistory && classification.EndsInExpression ? executionCount : (int?)null;
        return RunCode(code, CellName.For(executionCount), capture, keepState: true, token);
    }

    /// <summary>
    /// Evaluates an expression against the current state, as user_expressions are: the chain and
    /// the history stay as they were (though the expression may change objects it reaches).
    /// </summary>
    public CellOutcome Evaluate(string expression, CancellationToken token)
    {
        WarmUp();
        return RunCode(expression, UserExpressionName, captureCount: null, keepState: false, token, alwaysValue: true);
    }

    /// <summary>
    /// Starts a fresh chain: the user's variables, types, values and formatters go (the session's and
    /// .NET Interactive's: they format the cells' types, which are gone); internals, inputs and the counter stay.
    /// </summary>
    public void Reset()
    {
        _globals.Kernel.Formatters.Clear();
        InteractiveFormatting.Reset();
        var dropped = _chain?.Unload();
        _chain = null;
        _scripts.Clear();
        _pendingReferences = [.. Packages?.References ?? []];
        _submitted = [];
        _published = null;
        _variables = VariableIndex.Empty;
        History.ClearValues();
        Variables.Clear();
        WarmUp();
        GiveBack(dropped);
    }

    /// <summary>
    /// Collects until the dropped chain's context has unloaded (the runtime frees a collectible context
    /// over a few collections: a finalizer releases it, a later collection frees it), then once more
    /// aggressively, which decommits the freed heap, and trims the C library's heap: %reset gives the memory back
    /// to the system, not only to the runtime.
    /// </summary>
    private static void GiveBack(WeakReference? dropped)
    {
        for (var i = 0; i < UnloadCollections && dropped is { IsAlive: true }; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }

    /// <summary>
    /// Takes the cell's package directives out and restores what they name; null when it has none.
    /// The code that is left keeps the cell's lines; the error, if any, is the cell's outcome.
    /// </summary>
    private (string Code, CellOutcome? Error)? AddPackages(string code, CancellationToken token)
    {
        try
        {
            var directives = CellDirectives.Extract(code, Environment.CurrentDirectory);
            if (directives.IsEmpty)
                return directives.Code == code ? null : (directives.Code, null);
            if (Packages is null)
                return (code, CellOutcome.Failed(Tracebacks.ForException(new RestoreFailedException("This session cannot restore packages."))));
            _pendingReferences = _pendingReferences.AddRange(Packages.Add(directives, token));
            return (directives.Code, null);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return (code, CellOutcome.Failed(Tracebacks.Interrupted()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed restore, a conflict, or an extension that threw on the Restored event: the cell's error, never the kernel's.
            return (code, CellOutcome.Failed(Tracebacks.ForException(e)));
        }
    }

    /// <summary>
    /// Formats a cell's value on the cell thread, under the cell's interrupt: formatting runs user
    /// code (ToString, enumerators, formatters), which may throw or never end like the cell itself.
    /// </summary>
    public CellRun<JsonObject> Format(object? value, CancellationToken token)
    {
        try
        {
            var formatted = _runner.Run(() => Task.FromResult(_globals.Kernel.Formatter.Format(value)), token);
            // The formatters print what a ToString threw in its place, an interrupt as "!<CellInterruptedException>":
            // an interrupted display is the cell's interrupt, not a bundle that says so.
            return formatted.Error is null && token.IsCancellationRequested ? CellRun<JsonObject>.Failed(Tracebacks.Interrupted()) : formatted;
        }
        catch (Exception exception)
        {
            return CellRun<JsonObject>.Failed(Describe(exception));
        }
    }

    /// <summary>The traceback of an exception thrown by cells' code, also outside a cell's run; safe from any thread.</summary>
    public CellError Describe(Exception exception)
    {
        using var cells = _scripts.Locator();
        return Tracebacks.ForException(exception, cells);
    }

    private CellOutcome RunMagic(MagicInvocation magic, MagicContext context)
    {
        if (!_magics.TryGetValue(magic.Name, out var command))
            return CellOutcome.Failed(Tracebacks.UnknownMagic(magic.Name, _magics.Keys.Where(MagicSyntax.IsListed).Order()));
        var outcome = command.Run(magic, context);
        return outcome.Succeeded && magic.BodyRunsAfter ? context.RunCode(magic.Body) : outcome;
    }

    private CellOutcome RunCode(string code, string cellName, int? captureCount, bool keepState, CancellationToken token, bool alwaysValue = false)
    {
        var started = Stopwatch.GetTimestamp();
        CompiledCell compiled;
        try
        {
            var capture = captureCount is { } count ? CellHistory.VariableFor(count) : null;
            var options = _continuation.Value.WithFilePath(cellName);
            if (!_pendingReferences.IsEmpty)
                options = options.AddReferences(_pendingReferences);
            // Policy (issue 14): the compile, and at levels below unrestricted the check of what the cell binds.
            compiled = Policy.Compile(_chain!, code, options, History, capture, token, Variables);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return CellOutcome.Failed(Tracebacks.Interrupted());
        }
        if (compiled.Error is { } error)
            return CellOutcome.Failed(error);

        var script = compiled.Script!;
        var compiledAt = Stopwatch.GetTimestamp();
        var cell = _chain!.Load(script, keepState && Joins(script));
        _scripts.Started(script);
        var run = _runner.Run(() => _chain.Run(cell), token);
        KernelLog.Debug($"{cellName}: compiled in {Stopwatch.GetElapsedTime(started, compiledAt).TotalMilliseconds:0.0} ms, ran in {Stopwatch.GetElapsedTime(compiledAt).TotalMilliseconds:0.0} ms");
        if (run.Value is not { } state)
        {
            _chain.Leave(cell);
            return CellOutcome.Failed(run.Error!);
        }
        Keep(compiled, cell, keepState);
        if (keepState)
            Variables.Commit(compiled.Stored, compiled.ChainNames, _submitted.Count, compiled.Declaring);
        if (state.Exception is { } exception)
        {
            if (InterruptErrors.For(exception, token) is { } interrupted)
                return CellOutcome.Failed(interrupted);
            using var cells = _scripts.Locator(script);
            return CellOutcome.Failed(Tracebacks.ForException(exception, cells));
        }
        if (alwaysValue)
            return CellOutcome.WithValue(state.Value);
        if (state.Value is not { } value)
            return CellOutcome.Nothing;
        if ((compiled.CapturedVariable ?? compiled.ValueType) is not null && captureCount is { } valueCount)
            Release(History.RecordValue(valueCount, value, compiled.ValueType));
        return CellOutcome.WithValue(value);
    }

    /// <summary>
    /// Whether a cell joins the chain, decided before it runs, as it decides where its assembly is
    /// loaded. A cell that declares nothing later cells could bind to, with no references to bring
    /// into the chain, runs from the chain without joining it: the chain and what later cells bind
    /// against stay as they were, its compilation can be collected, and its assembly unloads once
    /// nothing refers to its code. What it assigned lives on in the earlier cells' variables; what
    /// it created lives as long as something refers to it.
    /// </summary>
    private bool Joins(Script<object> script) =>
        !_pendingReferences.IsEmpty || ChainMembers.DeclaresAny(script.GetCompilation(), script.Options.FilePath);

    private void Keep(CompiledCell compiled, LoadedCell cell, bool keepState)
    {
        if (!cell.Joins)
        {
            _chain!.Leave(cell);
            if (keepState)
                _scripts.Detached(cell.Script);
            return;
        }
        _chain!.Join(cell);
        _pendingReferences = [];
        _submitted = _submitted.Add(compiled.Text);
        _published = _chain.Variables;
    }

    /// <summary>Hidden variables no history name reaches any more are cleared, so their values can be collected.</summary>
    private void Release(IEnumerable<string> variables)
    {
        foreach (var name in variables)
        {
            if (_chain?.Variable(name) is not { } variable)
                continue;
            try
            {
                variable.Value = variable.Type.IsValueType ? Activator.CreateInstance(variable.Type) : null;
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or MissingMethodException)
            {
                KernelLog.Debug($"history variable {name} not cleared: {exception.Message}");
            }
        }
    }
}
