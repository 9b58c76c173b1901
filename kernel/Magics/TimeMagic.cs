using System.Diagnostics;
using System.Globalization;
using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>
/// %time CODE times one line; %%time (or #!time) times the whole cell. Wall and CPU time are
/// printed after the code runs, as IPython prints them; the code's value is the cell's result.
/// </summary>
internal sealed class TimeMagic : IMagicCommand
{
    public string Name => "time";

    public bool WorksOnCells => true;

    public string Summary => "wall and CPU time of a line (%time) or of the cell (%%time)";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        var timed = invocation.IsCellMagic ? invocation.Body : invocation.Arguments;
        return Timed(() => context.RunCode(timed));
    }

    private static CellOutcome Timed(Func<CellOutcome> run)
    {
        using var process = Process.GetCurrentProcess();
        var userBefore = process.UserProcessorTime;
        var systemBefore = process.PrivilegedProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = run();
        clock.Stop();
        process.Refresh();
        var user = process.UserProcessorTime - userBefore;
        var system = process.PrivilegedProcessorTime - systemBefore;
        Console.WriteLine($"CPU times: user {Format(user)}, sys: {Format(system)}, total: {Format(user + system)}");
        Console.WriteLine($"Wall time: {Format(clock.Elapsed)}");
        return outcome;
    }

    private static string Format(TimeSpan time) => time.TotalSeconds >= 1
        ? time.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s"
        : time.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
