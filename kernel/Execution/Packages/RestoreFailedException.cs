namespace CSharpKernel.Execution.Packages;

/// <summary>A package could not be restored; the message names it and says why.</summary>
internal sealed class RestoreFailedException(string message) : Exception(message);
