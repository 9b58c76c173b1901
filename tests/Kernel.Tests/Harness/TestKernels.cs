using System.Text.Json.Nodes;
using CSharpKernel.Client;

namespace CSharpKernel.Tests.Harness;

/// <summary>
/// How the tests start this build of the kernel: <c>KernelProcess.Start(key, ...)</c> reads as a
/// member of the client's <see cref="KernelProcess"/>, and adds what only tests want (history kept
/// in memory, a launcher in front, fields of the connection file broken on purpose).
/// </summary>
internal static class TestKernels
{
    extension(KernelProcess)
    {
        /// <summary>The kernel build that the tests reference, copied beside the test assembly.</summary>
        public static string KernelDll => Path.Combine(AppContext.BaseDirectory, "csharp-kernel.dll");

        /// <param name="connectionOverrides">Connection file fields to set instead of the free ports (a port in use, ...).</param>
        /// <param name="launcher">
        /// A program that starts the kernel, given the kernel's command line after its own (e.g. `sh -c '"$@" &amp; wait' sh`):
        /// then <see cref="KernelProcess.Process"/> is that launcher, and JPY_PARENT_PID is not set, as by a client other than jupyter_client.
        /// </param>
        public static KernelProcess Start(string key = "", IReadOnlyDictionary<string, string>? environment = null, string transport = "tcp",
            string? workingDirectory = null, JsonObject? connectionOverrides = null, IReadOnlyList<string>? launcher = null)
        {
            var connection = LoopbackConnection.Loopback(key, "csharp", transport);
            foreach (var (name, value) in connectionOverrides ?? [])
                connection[name] = value?.DeepClone();
            // Test kernels keep their history in memory unless a test gives them a file: never the user's own.
            var settings = new Dictionary<string, string> { ["CSHARP_KERNEL_HISTORY"] = "off" };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                settings[name] = value;
            return KernelProcess.Start([.. launcher ?? [], "dotnet", KernelProcess.KernelDll, "run", "--connection-file", "{connection_file}"],
                connection, settings, workingDirectory, jupyterParent: launcher is null);
        }
    }
}
