using System.Text.RegularExpressions;
using CSharpKernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>Which nodes get checkpoints, that instrumented cells still compile and compute the same, and that lines do not move.</summary>
public sealed class CheckpointRewriterTests
{
    private const string Poll = "global::CSharpKernel.Execution.Checkpoint.Poll();";
    private const string Enter = "global::CSharpKernel.Execution.Checkpoint.Enter();";

    private static readonly ScriptOptions Options = DefaultScriptOptions.Create().WithFilePath("Cell In[1]");

    private static readonly ScriptGlobals Globals = new(
        new KernelApi(new ConsoleCapture()),
        new CellHistory(10));

    [Test]
    public void Every_kind_of_loop_body_starts_with_a_poll()
    {
        var text = Rewrite("""
                           var n = 0;
                           while (n < 3) { n++; }
                           do { n--; } while (n > 0);
                           for (var i = 0; i < 3; i++) n += i;
                           foreach (var item in new[] { 1, 2 }) n += item;
                           foreach (var (a, b) in new[] { (1, 2) }) n += a + b;
                           await foreach (var x in AsyncItems()) n += x;
                           async IAsyncEnumerable<int> AsyncItems() { yield return 1; await Task.Yield(); }
                           """);
        Assert.That(Count(text, Poll), Is.EqualTo(6));
        Assert.That(text, Does.Contain($"for (var i = 0; i < 3; i++) {{{Poll}n += i;}}"), "a body without braces is wrapped in a block");
    }

    [Test]
    public void A_goto_passes_a_poll_before_it_jumps()
    {
        var text = Rewrite("var k = 0;\nagain: k++;\nif (k < 3) goto again;\nswitch (k) { case 3: goto default; default: break; }");
        Assert.That(Count(text, Poll), Is.EqualTo(2));
        Assert.That(text, Does.Contain($"if (k < 3) {{{Poll}goto again;}}"));
    }

    [Test]
    public void Every_kind_of_function_starts_with_an_enter()
    {
        var text = Rewrite("""
                           int Square(int x) { return x * x; }
                           int Twice(int x) => 2 * x;
                           Func<int, int> inc = x => x + 1;
                           Func<int, int, int> add = (a, b) => { return a + b; };
                           Func<int, int> neg = delegate (int v) { return -v; };
                           class Point
                           {
                               private int _x;
                               public Point(int x) => _x = x;
                               public int X { get => _x; set { _x = value; } }
                               public int Doubled => _x * 2;
                               public int this[int i] => _x + i;
                               public static Point operator +(Point a, Point b) => new(a._x + b._x);
                               public override string ToString() => $"P{_x}";
                           }
                           """);
        Assert.That(Count(text, Enter), Is.EqualTo(12));
    }

    [Test]
    public void Expression_bodies_still_compute_what_they_did()
    {
        var value = Run("""
                        int Twice(int x) => 2 * x;
                        void Nothing() => Console.Out.Flush();
                        int Fail() => throw new InvalidOperationException();
                        ref int First(int[] items) => ref items[0];
                        async Task<int> Later() => await Task.FromResult(100);
                        async Task Pause() => await Task.Yield();
                        Func<int, int> inc = x => x + 1;
                        Action flush = () => Nothing();
                        Func<Task<int>> run = () => Task.Run(() => 1000);
                        class Point
                        {
                            private int _x;
                            public Point(int x) => _x = x;
                            public int X { get => _x; set => _x = value; }
                            public int Doubled => _x * 2;
                            public int this[int i] => _x + i;
                            public static Point operator +(Point a, Point b) => new(a._x + b._x);
                        }
                        flush();
                        await Pause();
                        var items = new[] { 5 };
                        First(items) = 7;
                        var p = new Point(3) + new Point(4);
                        p.X = p.X + 1;
                        Twice(inc(1)) + items[0] + await Later() + await run() + p.Doubled + p[1]
                        """);
        Assert.That(value, Is.EqualTo(4 + 7 + 100 + 1000 + 16 + 9));
    }

    [Test]
    public void Iterators_async_methods_and_gotos_still_run()
    {
        var value = Run("""
                        IEnumerable<int> Naturals() { for (var i = 0; ; i++) yield return i; }
                        async IAsyncEnumerable<int> Slowly() { foreach (var n in Naturals().Take(3)) { await Task.Yield(); yield return n; } }
                        var sum = 0;
                        await foreach (var n in Slowly()) sum += n;
                        var k = 0;
                        again: k++;
                        if (k < 5) goto again;
                        sum * 10 + k
                        """);
        Assert.That(value, Is.EqualTo(35));
    }

    [Test]
    public void Lambdas_that_become_expression_trees_are_left_alone()
    {
        var text = Rewrite("""
                           System.Linq.Expressions.Expression<Func<int, bool>> positive = x => x > 0;
                           var query = new[] { 1, -1 }.AsQueryable().Where(x => new[] { 1 }.Any(y => y == x));
                           Func<int, bool> compiled = x => x > 0;
                           """);
        Assert.That(text, Does.Contain("positive = x => x > 0;"));
        Assert.That(text, Does.Contain("Where(x => new[] { 1 }.Any(y => y == x))"));
        Assert.That(Count(text, Enter), Is.EqualTo(1), "only the delegate gets a checkpoint");
        Assert.That(Run("System.Linq.Expressions.Expression<Func<int, int>> e = x => x + 1;\nwhile (false) { }\ne.Compile()(1)"), Is.EqualTo(2));
    }

    [Test]
    public void Every_token_stays_on_its_line()
    {
        const string code = """
                            int Deep(int n) =>
                                n <= 0
                                    ? 0
                                    : Deep(n - 1);
                            #if DEBUG
                            var mode = "debug";
                            #else
                            var mode = "release";
                            #endif
                            for (var i = 0; i < 2; i++)
                            #if true
                                mode += i;
                            #endif
                            Func<int, int> f = x =>
                                // the body is on the next line
                                x + 1;
                            int Prop => 4 // trailing
                                ;
                            while (true) { break; }
                            """;
        var written = CSharpSyntaxTree.ParseText(code, CellClassifier.ParseOptions);
        var rewritten = CSharpSyntaxTree.ParseText(Rewrite(code), CellClassifier.ParseOptions);
        Assert.That(rewritten.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, Rewrite(code));
        var after = Words(rewritten).GetEnumerator();
        foreach (var (text, line) in Words(written))
        {
            while (after.MoveNext() && after.Current.Text != text)
            {
            }
            Assert.That(after.Current, Is.EqualTo((text, line)), $"'{text}' moved");
        }
    }

    [Test]
    public void A_cell_with_syntax_errors_is_not_rewritten()
    {
        var tree = CSharpSyntaxTree.ParseText("while (true) { var y = ; }", CellClassifier.ParseOptions);
        Assert.That(CheckpointRewriter.Rewrite(tree, () => throw new AssertionException("no binding needed")), Is.Null);
    }

    private static string Rewrite(string code)
    {
        var compilation = CSharpScript.Create<object>(code, Options, typeof(ScriptGlobals)).GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        return CheckpointRewriter.Rewrite(tree, () => compilation.GetSemanticModel(tree))
               ?? throw new AssertionException("the cell was not rewritten");
    }

    /// <summary>Compiles with checkpoints (failing if they could not be added) and runs the cell.</summary>
    private static object? Run(string code)
    {
        var written = CSharpScript.Create<object>(code, Options, typeof(ScriptGlobals));
        Assert.That(written.Compile().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        var script = CheckpointCompiler.Instrument(written, CancellationToken.None);
        Assert.That(script.Code, Does.Contain("Checkpoint."), "the cell runs with its checkpoints");
        return script.RunAsync(Globals).GetAwaiter().GetResult().ReturnValue;
    }

    private static IEnumerable<(string Text, int Line)> Words(SyntaxTree tree) =>
        tree.GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) || t.IsKind(SyntaxKind.NumericLiteralToken) || t.IsKind(SyntaxKind.StringLiteralToken))
            .Select(t => (t.Text, t.GetLocation().GetLineSpan().StartLinePosition.Line));

    private static int Count(string text, string fragment) => Regex.Matches(text, Regex.Escape(fragment)).Count;
}
