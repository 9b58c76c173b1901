namespace CSharpKernel.Execution;

/// <summary>How users see a cell in diagnostics and tracebacks: "Cell In[3]", as IPython names it.</summary>
internal static class CellName
{
    public const string Prefix = "Cell In[";

    public static string For(int executionCount) => $"{Prefix}{executionCount}]";
}
