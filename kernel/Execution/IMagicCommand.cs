using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Execution;

/// <summary>
/// A %-command. The session hands a Directive cell to the command named on its first line, and
/// runs the lines after a line magic once the command succeeds (<see cref="MagicInvocation.BodyRunsAfter"/>);
/// the Magics layer supplies the commands, so new ones join by being registered, not by changing the
/// session.
/// </summary>
internal interface IMagicCommand
{
    /// <summary>The name after the %, as the user types it.</summary>
    string Name { get; }

    /// <summary>Whether it also works as a cell command (%%name), acting on the cell's body.</summary>
    bool WorksOnCells => false;

    /// <summary>One line for %lsmagic.</summary>
    string Summary { get; }

    CellOutcome Run(MagicInvocation invocation, MagicContext context);
}
