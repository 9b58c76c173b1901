namespace CSharpKernel.Execution;

/// <summary>What kind of cell a text is; the mode decides what the cell produces and whether it touches history.</summary>
internal enum CellMode
{
    /// <summary>Whitespace and comments only: an ok reply and nothing else.</summary>
    Empty,

    /// <summary>Ends in an expression with no semicolon: its value is the result and becomes <c>_</c>.</summary>
    Expression,

    /// <summary>Awaits at top level; produces a value when it also ends in an expression.</summary>
    TopLevelAwait,

    /// <summary>Statements (variables, loops, calls with semicolons): no result, history untouched.</summary>
    Statements,

    /// <summary>Only types, methods, properties and usings: no result, history untouched.</summary>
    Declarations,

    /// <summary>A %-command, or only #r / #load lines.</summary>
    Directive,

    /// <summary>Does not parse: the compiler's diagnostics are the reply.</summary>
    Invalid,
}
