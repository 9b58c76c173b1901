using CSharpKernel.Client;
using CSharpKernel.Security;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// A kernel at <see cref="Level"/> with LiteDB allowed and restored (one restore per fixture), and
/// a cell function that makes LiteDB create or open a database file at a path. The policy sees only
/// <c>new LiteDatabase(path)</c>, a package API it allows; the file is opened inside LiteDB's own IL,
/// which no compile-time check reads: at restricted only Linux can stop it.
/// </summary>
public abstract class PackageWallFixture : KernelFixture
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(4);

    private readonly string _cache = Directory.CreateTempSubdirectory("kernel-wall-packages-").FullName;

    /// <summary>The kernel's working directory: the one place restricted opens to cells (and their packages).</summary>
    private protected string Working { get; } = Directory.CreateTempSubdirectory("kernel-wall-working-").FullName;

    /// <summary>Neither under the working directory nor under anything the wall leaves writable (the kernel has a TMPDIR of its own).</summary>
    private protected string Outside { get; } = Directory.CreateTempSubdirectory("kernel-wall-outside-").FullName;

    protected abstract string Level { get; }

    private protected static bool LandlockOffered => LandlockRuleset.Abi() > 0;

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["CSHARP_KERNEL_POLICY"] = Level,
        ["CSHARP_KERNEL_ALLOWED_PACKAGES"] = "LiteDB",
        ["CSHARP_KERNEL_PACKAGE_CACHE"] = _cache,
    };

    protected override string WorkingDirectory => Working;

    [OneTimeSetUp]
    public void RestoreLiteDb()
    {
        var restored = Client.Execute("#r \"nuget: LiteDB, 5.0.21\"", timeout: RestoreTimeout);
        Assert.That(restored.Status, Is.EqualTo("ok"), restored.ToString());
        var defined = Client.Execute("""
            int Store(string path)
            {
                using var database = new LiteDB.LiteDatabase(path);
                var notes = database.GetCollection("notes");
                notes.Insert(new LiteDB.BsonDocument { ["text"] = "kept" });
                return notes.Count();
            }
            """);
        Assert.That(defined.Status, Is.EqualTo("ok"), defined.ToString());
    }

    [OneTimeTearDown]
    public void RemoveDirectories()
    {
        Directory.Delete(_cache, recursive: true);
        Directory.Delete(Working, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }

    /// <summary>LiteDB stores one note in a database file at <paramref name="path"/>: the cell's result is the count.</summary>
    private protected ExecutionResult Store(string path) => Client.Execute($"Store(\"{path}\")");
}
