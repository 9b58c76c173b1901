using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// <c>Kernel.Files</c> at restricted, the level it is made for: text and bytes under the working
/// directory, and every way out of it refused with a clear error while the kernel keeps serving.
/// </summary>
public sealed class KernelFilesTests : KernelFixture
{
    private readonly string _working = Directory.CreateTempSubdirectory("kernel-files-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("kernel-files-outside-").FullName;

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "restricted" };

    protected override string WorkingDirectory => _working;

    [OneTimeSetUp]
    public void MakeTheWayOut()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(_working, "link-to-secret.txt"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_working, "link-to-outside"), _outside);
        Directory.CreateDirectory(Path.Combine(_working, "inner"));
        File.CreateSymbolicLink(Path.Combine(_working, "inner", "up.txt"), Path.Combine(_working, "notes.txt"));
    }

    [OneTimeTearDown]
    public void RemoveDirectories()
    {
        Directory.Delete(_working, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Test]
    public void Text_is_written_appended_read_and_listed_under_the_working_directory()
    {
        var result = Client.Execute("""
            Kernel.Files.WriteText("notes.txt", "one\n");
            Kernel.Files.AppendText("notes.txt", "two\n");
            Kernel.Files.WriteText("data/deep/values.csv", "a,b");
            string.Join("|", Kernel.Files.ReadText("notes.txt"), Kernel.Files.Exists("data/deep/values.csv"), string.Join(",", Kernel.Files.List("data")))
            """);
        Assert.That(result.Result, Is.EqualTo("\"one\\ntwo\\n|True|data/deep/\""), result.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_working, "notes.txt")), Is.EqualTo("one\ntwo\n"));
        Assert.That(File.ReadAllText(Path.Combine(_working, "data", "deep", "values.csv")), Is.EqualTo("a,b"));
    }

    [Test]
    public void Bytes_round_trip_and_delete_removes_the_file()
    {
        var result = Client.Execute("""
            Kernel.Files.WriteBytes("blob.bin", new byte[] { 0, 255, 7 });
            var back = Kernel.Files.ReadBytes("blob.bin");
            Kernel.Files.Delete("blob.bin");
            $"{string.Join(",", back)} {Kernel.Files.Exists("blob.bin")}"
            """);
        Assert.That(result.Result, Is.EqualTo("\"0,255,7 False\""), result.ToString());
        Assert.That(File.Exists(Path.Combine(_working, "blob.bin")), Is.False);
    }

    [Test]
    public void An_absolute_path_under_the_working_directory_and_a_link_that_stays_inside_are_allowed()
    {
        File.WriteAllText(Path.Combine(_working, "notes.txt"), "inside");
        var result = Client.Execute($"Kernel.Files.ReadText(\"{Path.Combine(_working, "notes.txt")}\") + Kernel.Files.ReadText(\"inner/up.txt\")");
        Assert.That(result.Result, Is.EqualTo("\"insideinside\""), result.ToString());
    }

    [TestCase("../secret.txt")]
    [TestCase("inner/../../secret.txt")]
    [TestCase("/etc/hostname")]
    [TestCase("link-to-secret.txt")]
    [TestCase("link-to-outside/secret.txt")]
    public void A_read_that_leaves_the_working_directory_is_refused_with_a_clear_error(string path)
    {
        var result = Client.Execute($"Kernel.Files.ReadText(\"{path}\")");
        Assert.That(result.Error?.Str("ename"), Is.EqualTo("UnauthorizedAccessException"), result.ToString());
        Assert.That(result.Error!.Str("evalue"), Is.EqualTo($"'{path}' is outside the working directory {new DirectoryInfo(_working).FullName}: Kernel.Files reaches only files under it"));
        Assert.That(Client.Execute("1 + 1").Result, Is.EqualTo("2"), "the kernel keeps serving");
    }

    [TestCase("Kernel.Files.WriteText(\"link-to-outside/new.txt\", \"x\")")]
    [TestCase("Kernel.Files.WriteText(\"link-to-outside/deeper/new.txt\", \"x\")")]
    [TestCase("Kernel.Files.AppendText(\"link-to-secret.txt\", \"x\")")]
    [TestCase("Kernel.Files.Delete(\"link-to-secret.txt\")")]
    [TestCase("Kernel.Files.List(\"..\")")]
    public void A_write_list_or_delete_through_a_way_out_is_refused_and_changes_nothing_outside(string code)
    {
        var result = Client.Execute(code);
        Assert.That(result.Error?.Str("ename"), Is.EqualTo("UnauthorizedAccessException"), result.ToString());
        Assert.That(Directory.GetFileSystemEntries(_outside).Select(Path.GetFileName), Is.EqualTo(new[] { "secret.txt" }));
        Assert.That(File.ReadAllText(Path.Combine(_outside, "secret.txt")), Is.EqualTo("secret"));
    }
}
