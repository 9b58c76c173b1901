using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Execution;

/// <summary>Builds the errors users see, naming cells and lines, never temp files or kernel frames.</summary>
public static class Tracebacks
{
    public const string CompilationErrorName = "CompilationError";
    public const string InterruptedName = "KernelInterrupted";

    private static readonly Assembly KernelAssembly = typeof(Tracebacks).Assembly;

    public static CellError ForDiagnostics(IReadOnlyList<Diagnostic> errors, string cellName)
    {
        var lines = errors.Select(d => Describe(d, cellName)).ToList();
        var first = errors[0];
        var position = first.Location.GetLineSpan().StartLinePosition;
        var evalue = $"({position.Line + 1},{position.Character + 1}): {first.Id}: {first.GetMessage()}"
                     + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "");
        return new CellError(CompilationErrorName, evalue, lines);
    }

    public static CellError Interrupted() =>
        new(InterruptedName, "The cell was interrupted.", [$"{InterruptedName}: The cell was interrupted."]);

    public static CellError ForException(Exception exception)
    {
        var lines = new List<string> { $"{exception.GetType().FullName}: {exception.Message}" };
        lines.AddRange(UserFrames(exception));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            lines.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        return new CellError(exception.GetType().Name, exception.Message, lines);
    }

    private static string Describe(Diagnostic diagnostic, string cellName)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"{cellName}, line {position.Line + 1}, col {position.Character + 1}: error {diagnostic.Id}: {diagnostic.GetMessage()}";
    }

    private static IEnumerable<string> UserFrames(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            var assembly = method?.DeclaringType?.Assembly;
            if (method is null || assembly == KernelAssembly || IsRoslyn(assembly))
                continue;
            // The source resolver (for #load) roots each cell's path in the kernel's directory.
            var file = Path.GetFileName(frame.GetFileName());
            if (file is not null && file.StartsWith(CellName.Prefix, StringComparison.Ordinal))
                yield return $"   at {file}, line {frame.GetFileLineNumber()}{InMember(method)}";
            else if (assembly?.IsDynamic == false && !IsCompilerPlumbing(method))
                yield return $"   at {method.DeclaringType?.FullName}.{method.Name}";
        }
    }

    private static string InMember(MethodBase method)
    {
        var name = method.Name;
        if (name == "MoveNext" && method.DeclaringType?.Name.StartsWith("<<Initialize>>", StringComparison.Ordinal) == true)
            return "";
        return name is "<Initialize>" ? "" : $", in {name}";
    }

    private static bool IsRoslyn(Assembly? assembly) =>
        assembly?.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true;

    private static bool IsCompilerPlumbing(MethodBase method) =>
        method.DeclaringType?.Namespace == "System.Runtime.CompilerServices"
        || method.DeclaringType?.Namespace == "System.Runtime.ExceptionServices";
}
