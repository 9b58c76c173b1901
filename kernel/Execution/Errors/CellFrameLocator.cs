using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace CSharpKernel.Execution;

/// <summary>
/// Finds the file and line of a frame in a cell's code from debug information made only when a
/// traceback asks for it. Cells are emitted without a PDB: writing one cost each cell about a
/// quarter of its compile time, and the runtime kept it for the whole session (about 20 KiB a
/// cell). The same compilation emitted again with a PDB has the same IL and metadata tokens, so
/// its sequence points place the frames of the code that ran.
/// </summary>
internal sealed class CellFrameLocator : IDisposable
{
    private readonly Func<string, Compilation?> _compilationOf;
    private readonly Dictionary<string, MetadataReaderProvider?> _debugInfo = new(StringComparer.Ordinal);

    /// <param name="compilationOf">The compilation that built the assembly of a given name, if it is a cell's.</param>
    public CellFrameLocator(Func<string, Compilation?> compilationOf) => _compilationOf = compilationOf;

    /// <summary>The frame's source file and line, or null when it is not in a cell's code or cannot be placed.</summary>
    public (string File, int Line)? Find(StackFrame frame)
    {
        if (frame.GetMethod() is not { } method || frame.GetILOffset() < 0
            || method.Module.Assembly.GetName().Name is not { } assemblyName)
            return null;
        if (!_debugInfo.TryGetValue(assemblyName, out var provider))
            _debugInfo[assemblyName] = provider = Emit(_compilationOf(assemblyName));
        if (provider is null)
            return null;
        var reader = provider.GetMetadataReader();
        var handle = MetadataTokens.EntityHandle(method.MetadataToken);
        if (handle.Kind != HandleKind.MethodDefinition)
            return null;
        (string File, int Line)? found = null;
        foreach (var point in reader.GetMethodDebugInformation((MethodDefinitionHandle)handle).GetSequencePoints())
        {
            if (point.Offset > frame.GetILOffset())
                break;
            if (!point.IsHidden)
                found = (reader.GetString(reader.GetDocument(point.Document).Name), point.StartLine);
        }
        return found;
    }

    public void Dispose()
    {
        foreach (var provider in _debugInfo.Values)
            provider?.Dispose();
    }

    private static MetadataReaderProvider? Emit(Compilation? compilation)
    {
        if (compilation is null)
            return null;
        using var image = new MemoryStream();
        var pdb = new MemoryStream();
        var result = compilation.Emit(image, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
            return null;
        pdb.Position = 0;
        return MetadataReaderProvider.FromPortablePdbStream(pdb);
    }
}
