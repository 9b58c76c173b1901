using CSharpKernel.Client;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// The operating-system wall where the compile-time policy cannot see: at restricted an allowed
/// package opens files by path in its own code. Linux lets it write in the working directory and
/// refuses it everywhere else; without the wall the outside file would be created
/// (<see cref="PackageWallControlTests"/> is the same cell at unrestricted).
/// </summary>
[NonParallelizable]
public sealed class PackageWallTests : PackageWallFixture
{
    protected override string Level => "restricted";

    [Test]
    public void A_package_opens_its_file_in_the_working_directory()
    {
        var stored = Store(Path.Combine(Working, "notes.db"));
        Assert.That(stored.Result, Is.EqualTo("1"), stored.ToString());
        Assert.That(File.Exists(Path.Combine(Working, "notes.db")), Is.True);
    }

    [Test]
    public void A_package_opening_a_file_outside_the_working_directory_is_refused_by_Linux_and_the_kernel_keeps_serving()
    {
        Assume.That(LandlockOffered, "this Linux offers no Landlock: the kernel says so, and files are not walled");
        var path = Path.Combine(Outside, "notes.db");
        var stored = Store(path);
        Assert.That(stored.Error?.Str("ename"), Is.EqualTo("UnauthorizedAccessException"), stored.ToString());
        Assert.That(stored.Error!.Str("evalue"), Is.EqualTo($"Access to the path '{path}' is denied."));
        Assert.That(File.Exists(path), Is.False, "nothing was written outside");
        Assert.That(Client.Execute("1 + 1").Result, Is.EqualTo("2"));
    }
}
