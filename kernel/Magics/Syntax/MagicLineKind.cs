namespace CSharpKernel.Magics.Syntax;

/// <summary>What a line of a cell is to the kernel, when it is not plain C#.</summary>
internal enum MagicLineKind
{
    /// <summary><c>%name args</c> or <c>#!who</c>: a command on one line; the lines after it are a cell of their own.</summary>
    LineMagic,

    /// <summary><c>%%name args</c> or <c>#!time</c>: a command on the whole cell; the lines after it are its body.</summary>
    CellMagic,

    /// <summary><c>#!fsharp</c>, <c>#!connect</c>: a .NET Interactive name this kernel does not have; the cell is refused whole.</summary>
    RefusedHashBang,

    /// <summary><c>?name</c>, <c>??name</c>, <c>name?</c>, <c>name??</c>: the whole cell asks for help on a name.</summary>
    Help,

    /// <summary><c>#!csharp</c>: the cell says it is C#, which it already is.</summary>
    KernelName,

    /// <summary><c>#r "nuget: Name, Version"</c> or <c>#:package Name@Version</c>: a package, restored before the cell compiles.</summary>
    PackageReference,

    /// <summary><c>#i "nuget: source"</c>: where packages come from.</summary>
    PackageSource,
}
