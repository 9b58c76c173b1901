namespace CSharpKernel.Security;

/// <summary>
/// One API or construct a cell may not use at its kernel's level, where the cell uses it:
/// <paramref name="Position"/> is the offset in the text that was checked, <paramref name="File"/>
/// the tree's path (a cell's name, or a #load-ed file's).
/// </summary>
internal sealed record PolicyRefusal(string Api, SecurityLevel Level, string File, int Position, int Line, int Column)
{
    public string Message => $"{Api} is not allowed at the {Level.Name()} level";
}
