using System.Runtime.InteropServices;

namespace CSharpKernel.Execution;

/// <summary>
/// Hands the C library's free memory back to the system. The runtime allocates the native data of
/// loaded assemblies and JIT-compiled code with malloc; when a collectible context unloads, glibc
/// keeps what was freed in its arenas, resident, unless asked to trim them.
/// </summary>
internal static partial class NativeHeap
{
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): what was freed stays with the C library.
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
