namespace CSharpKernel.Tests.Security;

/// <summary>The control of <see cref="PackageWallTests"/>: the same package and path at unrestricted, where nothing walls the file.</summary>
[NonParallelizable]
public sealed class PackageWallControlTests : PackageWallFixture
{
    protected override string Level => "unrestricted";

    [Test]
    public void The_same_package_opens_its_file_outside_the_working_directory()
    {
        var path = Path.Combine(Outside, "notes.db");
        var stored = Store(path);
        Assert.That(stored.Result, Is.EqualTo("1"), stored.ToString());
        Assert.That(File.Exists(path), Is.True);
    }
}
