using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Clients;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Packages;

/// <summary>
/// An interrupt while a restore runs ends the restore and every process it started, and the cell
/// with the interrupt error; the kernel goes on. The restore has an empty global packages folder
/// and a package cache of its own, so it has a large download ahead of it when interrupted.
/// </summary>
public sealed class RestoreInterruptTests : KernelFixture
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernel-restore-interrupt-").FullName;

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["CSHARP_KERNEL_PACKAGE_CACHE"] = Directory.CreateDirectory(Path.Combine(_root, "cache")).FullName,
        ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(_root, "global-packages")).FullName,
    };

    [OneTimeTearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Interrupting_a_restore_ends_it_with_the_interrupt_error_and_the_next_cell_runs()
    {
        var request = Client.SendExecute("#r \"nuget: Microsoft.ML, 5.0.1\"");
        var progress = Client.TryReceiveFor("iopub", m => m.MsgType == "display_data", TimeSpan.FromSeconds(30));
        Assert.That(progress, Is.Not.Null, "the restore started");

        var clock = Stopwatch.StartNew();
        Client.Request("interrupt_request", new JsonObject(), channel: "control");
        var interrupted = Client.Collect(request, TimeSpan.FromSeconds(30));
        clock.Stop();
        Assert.That(interrupted.Reply.Str("ename"), Is.EqualTo("KernelInterrupted"), interrupted.ToString());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the interrupt did not wait for the restore");
        Assert.That(RestoreProcesses(), Is.Empty, "the restore's process tree was ended");
        Assert.That(Client.Execute("1 + 1").Result, Is.EqualTo("2"));
    }

    /// <summary>The restore processes of this fixture's kernel, known by the package cache in their working directory.</summary>
    private List<int> RestoreProcesses() =>
        [.. LinuxProcesses.WithCommandLineContaining("restore.csproj").Where(pid => WorkingDirectoryOf(pid)?.StartsWith(_root, StringComparison.Ordinal) == true)];

    private static string? WorkingDirectoryOf(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
