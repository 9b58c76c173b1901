using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Execution;

/// <summary>Builds the errors users see, naming cells and lines, never temp files or kernel frames.</summary>
internal static class Tracebacks
{
    public const string CompilationErrorName = "CompilationError";
    public const string InterruptedName = "KernelInterrupted";
    public const string ReservedNameError = "ReservedName";
    public const string UnknownMagicName = "UnknownMagic";

    private static readonly Assembly KernelAssembly = typeof(Tracebacks).Assembly;

    public static CellError ForDiagnostics(IReadOnlyList<CellDiagnostic> errors, string cellName)
    {
        var lines = errors.Select(d => $"{cellName}, line {d.Line}, col {d.Column}: error {d.Id}: {d.Message}").ToList();
        var first = errors[0];
        var evalue = $"({first.Line},{first.Column}): {first.Id}: {first.Message}"
                     + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "");
        return new CellError(CompilationErrorName, evalue, lines);
    }

    /// <summary>A cell that tried to declare an engine internal; it did not run.</summary>
    public static CellError ForReservedName(string name, (int Line, int Column) place, string cellName)
    {
        var evalue = $"'{name}' is reserved by the kernel and cannot be declared; the cell did not run.";
        return new CellError(ReservedNameError, evalue, [$"{cellName}, line {place.Line}, col {place.Column}: {evalue}"]);
    }

    public static CellError UnknownMagic(string name, IEnumerable<string> known)
    {
        var evalue = $"%{name} is not a known command. Known: {string.Join(", ", known.Select(k => "%" + k))}.";
        return new CellError(UnknownMagicName, evalue, [$"{UnknownMagicName}: {evalue}"]);
    }

    public static CellError Interrupted() =>
        new(InterruptedName, InterruptErrors.InterruptedMessage, [$"{InterruptedName}: {InterruptErrors.InterruptedMessage}"]);

    /// <param name="locator">Places frames of cells' code, whose assemblies carry no debug information.</param>
    public static CellError ForException(Exception exception, CellFrameLocator? locator = null)
    {
        var lines = new List<string> { $"{exception.GetType().FullName}: {exception.Message}" };
        lines.AddRange(UserFrames(exception, locator));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            lines.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        return new CellError(exception.GetType().Name, exception.Message, lines);
    }

    private static IEnumerable<string> UserFrames(Exception exception, CellFrameLocator? locator)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var assembly = method?.DeclaringType?.Assembly;
            if (method is null || assembly == KernelAssembly || IsRoslyn(assembly))
                continue;
            // The source resolver may root the cell's path in the kernel's directory: the file name is the cell.
            var (path, line) = frame.GetFileName() is { } known ? (known, frame.GetFileLineNumber()) : locator?.Find(frame) ?? ("", 0);
            var file = path.Length > 0 ? Path.GetFileName(path) : null;
            if (file is not null && file.StartsWith(CellName.Prefix, StringComparison.Ordinal))
                yield return $"   at {file}, line {line}{FrameNames.InMember(method)}";
            else if (assembly?.IsDynamic == false && !IsCompilerPlumbing(method))
                yield return $"   at {method.DeclaringType?.FullName}.{method.Name}";
        }
    }

    private static bool IsRoslyn(Assembly? assembly) =>
        assembly?.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true;

    private static bool IsCompilerPlumbing(MethodBase method) =>
        method.DeclaringType?.Namespace == "System.Runtime.CompilerServices"
        || method.DeclaringType?.Namespace == "System.Runtime.ExceptionServices";
}
