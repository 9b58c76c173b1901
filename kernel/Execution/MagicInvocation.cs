namespace CSharpKernel.Execution;

/// <summary>
/// A cell that starts with a %-command: <c>%name arguments</c> on its first significant line, and
/// the lines after it as the body (for commands that act on a cell, as IPython's %%time does).
/// </summary>
internal sealed record MagicInvocation(string Name, string Arguments, string Body, bool IsCellMagic);
