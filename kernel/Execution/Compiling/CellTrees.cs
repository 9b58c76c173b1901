using Microsoft.CodeAnalysis;

namespace CSharpKernel.Execution;

/// <summary>Finds a cell's own syntax tree in its compilation: #load adds the loaded files' trees beside it.</summary>
internal static class CellTrees
{
    public static SyntaxTree Of(Compilation compilation, string cellPath) =>
        compilation.SyntaxTrees.LastOrDefault(t => IsCell(t, cellPath)) ?? compilation.SyntaxTrees.Last();

    /// <summary>The source resolver may make the cell's path absolute; its file name is still the cell's name.</summary>
    public static bool IsCell(SyntaxTree tree, string cellPath) =>
        Path.GetFileName(tree.FilePath) == Path.GetFileName(cellPath);
}
