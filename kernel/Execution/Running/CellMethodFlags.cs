using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Execution;

/// <summary>
/// How the JIT is to compile a cell's methods, set in its image. The runtime does not tier code in
/// collectible contexts: each method is compiled once, fully optimized, where non-collectible cells
/// started at tier 0. That cost each cell several milliseconds for code that runs once, and inlined
/// small methods a cell declared into their callers, so tracebacks lost their frames. So every method
/// is marked NoInlining (unless the user asked for aggressive inlining), and the submission's own
/// run-once methods (its factory, constructor and top-level code) are compiled without optimizing,
/// as tier 0 did, unless the top-level code loops: that code may run long, and is optimized.
/// </summary>
internal static class CellMethodFlags
{
    // ECMA-335 II.22.26: a MethodDef row starts with its RVA (4 bytes), then its ImplFlags (2 bytes).
    private const int ImplFlagsOffset = 4;

    public static void Mark(byte[] image, Compilation compilation)
    {
        var runOnce = new HashSet<int>();
        int start, rowSize, rows;
        using (var pe = new PEReader(new MemoryStream(image, writable: false)))
        {
            var reader = pe.GetMetadataReader();
            start = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.MethodDef);
            rowSize = reader.GetTableRowSize(TableIndex.MethodDef);
            rows = reader.GetTableRowCount(TableIndex.MethodDef);
            if (compilation.ScriptClass is { } script && !TopLevelLoops(compilation))
                runOnce.UnionWith(RunOnceMethods(reader, script.MetadataName));
        }
        for (var row = 1; row <= rows; row++)
        {
            var flags = image.AsSpan(start + (row - 1) * rowSize + ImplFlagsOffset, sizeof(ushort));
            var impl = (MethodImplAttributes)BinaryPrimitives.ReadUInt16LittleEndian(flags);
            if ((impl & MethodImplAttributes.AggressiveInlining) == 0)
                impl |= MethodImplAttributes.NoInlining;
            if (runOnce.Contains(row))
                impl |= MethodImplAttributes.NoOptimization;
            BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)impl);
        }
    }

    /// <summary>The submission's factory, constructor and initializer, and the state machine that runs its top-level code.</summary>
    private static IEnumerable<int> RunOnceMethods(MetadataReader reader, string scriptClass)
    {
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var isScript = reader.StringComparer.Equals(type.Name, scriptClass) && type.GetDeclaringType().IsNil;
            var isTopLevel = !type.GetDeclaringType().IsNil
                             && reader.StringComparer.Equals(reader.GetTypeDefinition(type.GetDeclaringType()).Name, scriptClass)
                             && reader.GetString(type.Name).StartsWith("<<Initialize>>", StringComparison.Ordinal);
            if (!isScript && !isTopLevel)
                continue;
            foreach (var methodHandle in type.GetMethods())
            {
                var name = reader.GetString(reader.GetMethodDefinition(methodHandle).Name);
                if (isScript ? name is "<Factory>" or ".ctor" or "<Initialize>" : name == "MoveNext")
                    yield return MetadataTokens.GetRowNumber(methodHandle);
            }
        }
    }

    private static bool TopLevelLoops(Compilation compilation) =>
        compilation.SyntaxTrees.Any(tree => ((CompilationUnitSyntax)tree.GetRoot()).Members.OfType<GlobalStatementSyntax>()
            .Any(statement => statement.DescendantNodesAndSelf(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .Any(node => node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or GotoStatementSyntax)));
}
