namespace CSharpKernel.Security;

/// <summary>The kernel's directives that bring code or files into a cell before it compiles.</summary>
internal enum PolicyDirective
{
    /// <summary><c>#r "path.dll"</c>: an assembly from a file.</summary>
    FileReference,

    /// <summary><c>#load "file.csx"</c>: a script file read and compiled into the cell.</summary>
    Load,

    /// <summary><c>#r "nuget: Id, Version"</c> or <c>#:package Id@Version</c>.</summary>
    Package,

    /// <summary><c>#i "nuget: source"</c>: a feed or folder packages come from.</summary>
    PackageSource,
}
