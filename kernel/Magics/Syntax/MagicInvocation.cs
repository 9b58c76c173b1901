namespace CSharpKernel.Magics.Syntax;

/// <summary>
/// A cell that a command runs, as <see cref="MagicSyntax"/> reads it: the command's name, the rest
/// of its line, and the lines after it as the body (for commands that act on a cell, as IPython's
/// %%time does). The body starts with blank lines standing in for the lines above it, so that
/// line numbers in it stay the cell's.
/// </summary>
internal sealed record MagicInvocation(string Name, string Arguments, string Body, bool IsCellMagic)
{
    /// <summary>
    /// Whether the body is a cell of its own that runs after the command, as the lines after a line magic
    /// do in IPython: every line magic but those that show their lines (<c>%html</c>), so that no line is lost.
    /// </summary>
    public bool BodyRunsAfter => !IsCellMagic && !MagicSyntax.ForeignBodies.Contains(Name) && !string.IsNullOrWhiteSpace(Body);
}
