namespace CSharpKernel.Magics.Syntax;

/// <summary>
/// A cell that a command runs, as <see cref="MagicSyntax"/> reads it: the command's name, the rest
/// of its line, and the lines after it as the body (for commands that act on a cell, as IPython's
/// %%time does). The body starts with blank lines standing in for the lines above it, so that
/// line numbers in it stay the cell's.
/// </summary>
public sealed record MagicInvocation(string Name, string Arguments, string Body, bool IsCellMagic);
