using CSharpKernel.Execution.Packages;

namespace CSharpKernel.Tests.Packages;

public sealed class CellDirectivesTests
{
    [Test]
    public void Every_spelling_of_a_package_and_a_source_is_taken_out_and_every_line_stays()
    {
        var code = "#r \"nuget: Humanizer.Core, 2.14.1\"\n#:package NodaTime@3.2.2\n#r \"nuget:Newtonsoft.Json\"\n#i \"nuget: feed\"\nvar x = 1;\nx";
        var directives = CellDirectives.Extract(code, "/work");
        Assert.That(directives.Packages, Is.EqualTo(new[]
        {
            new PackageSpec("Humanizer.Core", "2.14.1"), new PackageSpec("NodaTime", "3.2.2"), new PackageSpec("Newtonsoft.Json", null),
        }));
        Assert.That(directives.Sources, Is.EqualTo(new[] { "/work/feed" }));
        Assert.That(directives.Code, Is.EqualTo("\n\n\n\nvar x = 1;\nx"));
    }

    [Test]
    public void A_feed_url_is_kept_as_written_and_file_references_stay_in_the_cell()
    {
        var directives = CellDirectives.Extract("#i \"nuget: https://example.org/v3/index.json\"\n#r \"lib.dll\"\n", "/work");
        Assert.That(directives.Sources, Is.EqualTo(new[] { "https://example.org/v3/index.json" }));
        Assert.That(directives.Code, Is.EqualTo("\n#r \"lib.dll\"\n"));
    }

    [Test]
    public void A_source_that_is_not_nuget_is_an_error_that_shows_the_spelling()
    {
        var error = Assert.Throws<RestoreFailedException>(() => CellDirectives.Extract("#i \"feed\"", "/work"));
        Assert.That(error!.Message, Does.Contain("#i \"nuget: /path/to/folder\""));
    }

    [Test]
    public void Directives_in_strings_and_comments_are_code()
    {
        const string code = "// #r \"nuget: X\"\nvar s = \"#i nuget\";";
        Assert.That(CellDirectives.Extract(code, "/work").IsEmpty, Is.True);
    }
}
