namespace CSharpKernel.Security;

/// <summary>
/// What a cell may reach, from pure computation to the user's full rights. The order is the
/// order of trust: a lower value refuses more. The level is chosen when the kernel starts and no
/// cell can change it.
/// </summary>
internal enum SecurityLevel
{
    /// <summary>Pure computation: no files, network, processes, native code, reflection that invokes, or kernel internals.</summary>
    Sandbox,

    /// <summary>Sandbox, plus files under the working directory through <c>Kernel.Files</c> and allow-listed NuGet packages.</summary>
    Restricted,

    /// <summary>Everything but processes, P/Invoke, <c>unsafe</c> and the kernel's internals.</summary>
    Standard,

    /// <summary>The user's full rights: nothing is checked (the default, and the behaviour before levels existed).</summary>
    Unrestricted,
}
