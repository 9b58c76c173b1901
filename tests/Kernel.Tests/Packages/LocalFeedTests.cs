using System.Diagnostics;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Packages;

/// <summary>
/// <c>#i "nuget: /a/folder"</c> adds a folder of .nupkg files as a source. The test packs a tiny
/// library of its own into such a folder, and the kernel's restores see no other source (a
/// NuGet.Config above its package cache clears them) and an empty global packages folder, so the
/// package can only come from the folder, with no network.
/// </summary>
public sealed class LocalFeedTests : KernelFixture
{
    private const string PackageName = "CsharpKernel.Tests.FeedGreeter";
    private readonly string _root = Directory.CreateTempSubdirectory("kernel-feed-").FullName;

    private string Feed => Path.Combine(_root, "feed");
    private string Cache => Path.Combine(_root, "cache");

    protected override IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            Directory.CreateDirectory(Cache);
            File.WriteAllText(Path.Combine(_root, "NuGet.Config"),
                "<configuration><packageSources><clear /></packageSources></configuration>");
            return new Dictionary<string, string>
            {
                ["CSHARP_KERNEL_PACKAGE_CACHE"] = Cache,
                ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(_root, "global-packages")).FullName,
            };
        }
    }

    protected override string WorkingDirectory => _root;

    [OneTimeSetUp]
    public void PackALibrary()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "library")).FullName;
        File.WriteAllText(Path.Combine(project, "Greeter.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{System.Environment.Version.Major}.0</TargetFramework>
                <PackageId>{PackageName}</PackageId>
                <Version>1.0.0</Version>
                <RootNamespace>FeedGreeter</RootNamespace>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Greeter.cs"),
            "namespace FeedGreeter;\npublic static class Greeter { public static string Hello(string who) => $\"Hello, {who}, from a folder feed\"; }\n");
        var pack = Process.Start(new ProcessStartInfo("dotnet", ["pack", project, "-o", Feed, "--nologo", "-v", "q", "-nodeReuse:false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = pack.StandardOutput.ReadToEndAsync();
        var errors = pack.StandardError.ReadToEndAsync();
        pack.WaitForExit();
        Assert.That(pack.ExitCode, Is.Zero, output.Result + errors.Result);
    }

    [OneTimeTearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test, Order(1)]
    public void Without_the_source_the_package_is_not_found()
    {
        var result = Client.Execute($"#r \"nuget: {PackageName}, 1.0.0\"", timeout: TimeSpan.FromMinutes(2));
        Assert.That(result.Status, Is.EqualTo("error"), result.ToString());
        Assert.That(result.Reply.Str("evalue"), Does.Contain(PackageName));
    }

    [Test, Order(2)]
    public void A_folder_added_with_i_nuget_is_a_source_for_later_restores()
    {
        var added = Client.Execute("#i \"nuget: feed\"");
        Assert.That(added.Status, Is.EqualTo("ok"), "a relative folder is taken from the kernel's working directory: " + added);

        var result = Client.Execute($"#r \"nuget: {PackageName}, 1.0.0\"\nFeedGreeter.Greeter.Hello(\"notebook\")", timeout: TimeSpan.FromMinutes(2));
        Assert.That(result.Result, Is.EqualTo("\"Hello, notebook, from a folder feed\""), result.ToString());
    }
}
