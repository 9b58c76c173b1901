namespace CSharpKernel.Tests.Packages;

/// <summary>
/// Packages with dependencies, restored whole from the configured NuGet sources: every runtime
/// assembly of the closure is referenced by the cell and loads, and later cells see them.
/// </summary>
public sealed class PackageClosureTests : PackageFixture
{
    [Test]
    public void A_package_with_a_closure_of_dependencies_works_in_the_cell_that_references_it_and_in_later_cells()
    {
        var result = Client.Execute("""
            #r "nuget: Microsoft.Extensions.Logging.Console, 9.0.0"
            using Microsoft.Extensions.Logging;
            using (var factory = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true)))
                factory.CreateLogger("notebook").LogInformation("logged from a cell");
            """, timeout: RestoreTimeout);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var installed = PlainText(result.OfType("update_display_data").Single());
        Assert.That(installed, Does.Match(@"Installed Microsoft\.Extensions\.Logging\.Console 9\.0\.0 \((\d+) assemblies\)"));
        Assert.That(int.Parse(System.Text.RegularExpressions.Regex.Match(installed, @"\((\d+) assemblies").Groups[1].Value), Is.GreaterThan(5),
            "the logging packages it depends on came with it");

        var later = Client.Execute("typeof(Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions).Assembly.GetName().Name");
        Assert.That(later.Result, Is.EqualTo("\"Microsoft.Extensions.Logging.Console\""), later.ToString());
        var loaded = Client.Execute("""
            AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name!.StartsWith("Microsoft.Extensions.Logging"))
                .GroupBy(a => a.GetName().Name).All(g => g.Count() == 1
                    && System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(g.Single()) == System.Runtime.Loader.AssemblyLoadContext.Default)
            """);
        Assert.That(loaded.Result, Is.EqualTo("true"), "one copy of each, in the default load context: " + loaded);

        var dependency = Client.Execute("#r \"nuget: Microsoft.Extensions.Logging.Abstractions, 9.0.0\"\ntypeof(ILogger).Name");
        Assert.That(dependency.Result, Is.EqualTo("\"ILogger\""), dependency.ToString());
        Assert.That(dependency.OfType("display_data"), Is.Empty, "a package that came with an earlier one needs no restore");
    }

    [Test]
    public void Two_packages_in_a_cell_of_directives_only_are_restored_in_one_restore_with_one_progress_display_updated_in_place()
    {
        var result = Client.Execute("#r \"nuget: Newtonsoft.Json, 13.0.3\"\n#:package NodaTime@3.2.2\n", timeout: RestoreTimeout);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var shown = result.OfType("display_data").Single();
        var updated = result.OfType("update_display_data").Single();
        Assert.That(DisplayId(updated), Is.EqualTo(DisplayId(shown)), "the progress display is updated in place");
        Assert.That(PlainText(shown), Is.EqualTo("Restoring Newtonsoft.Json 13.0.3, NodaTime 3.2.2..."));
        Assert.That(PlainText(updated), Does.Match(@"^Installed Newtonsoft\.Json 13\.0\.3, NodaTime 3\.2\.2 \(\d+ assemblies\) in \d+\.\d s$"));
        Assert.That(PlainText(shown) + PlainText(updated), Does.Not.Contain("*"), "text/plain is text, not markdown");
        Assert.That(result.Result, Is.Null, "a cell of directives has no value");

        var used = Client.Execute("Newtonsoft.Json.JsonConvert.SerializeObject(new { day = new NodaTime.LocalDate(2026, 12, 1).DayOfWeek.ToString() })");
        Assert.That(used.Result, Is.EqualTo("\"{\\\"day\\\":\\\"Tuesday\\\"}\""), used.ToString());
    }

    [Test]
    public void A_package_the_framework_provides_is_a_note_and_the_frameworks_copy_is_used()
    {
        var result = Client.Execute("#r \"nuget:System.Text.Json\"\nSystem.Text.Json.JsonSerializer.Serialize(new { ok = true })");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Result, Is.EqualTo("\"{\\\"ok\\\":true}\""));
        Assert.That(PlainText(result.OfType("display_data").Single()),
            Does.StartWith($"System.Text.Json is part of .NET {System.Environment.Version.Major}; the framework's copy"));
        Assert.That(result.OfType("update_display_data"), Is.Empty, "nothing was restored");
    }

    [Test]
    public void Errors_after_package_directives_are_placed_on_the_lines_the_user_wrote()
    {
        var result = Client.Execute("#r \"nuget: System.Text.Json\"\n\nint number = \"text\";");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Content.GetProperty("traceback")[0].GetString(), Does.Contain("line 3, col 14"));
    }

    [Test]
    public void A_package_that_needs_a_newer_version_of_an_assembly_the_kernel_ships_is_refused_with_both_versions()
    {
        // The kernel's Roslyn brings Humanizer 2.14; Humanizer.Core 3 is a later assembly version of the same name.
        var result = Client.Execute("#r \"nuget: Humanizer.Core, 3.0.10\"\nusing Humanizer;\n3.ToWords()", timeout: RestoreTimeout);
        Assert.That(result.Status, Is.EqualTo("error"), result.ToString());
        Assert.That(result.Reply.Str("evalue"), Does.Contain("Humanizer.Core 3.0.10 needs Humanizer 3.").And.Contain("the kernel already has Humanizer 2.14"));
        Assert.That(Client.Execute("1 + 1").Result, Is.EqualTo("2"), "the kernel goes on");
    }

    [Test]
    public void A_package_without_a_version_is_the_newest_and_progress_names_the_version_restored()
    {
        var result = Client.Execute("#r \"nuget: CsvHelper\"\ntypeof(CsvHelper.CsvReader).Assembly.GetName().Name", timeout: RestoreTimeout);
        Assert.That(result.Result, Is.EqualTo("\"CsvHelper\""), result.ToString());
        Assert.That(PlainText(result.OfType("display_data").Single()), Is.EqualTo("Restoring CsvHelper..."));
        Assert.That(PlainText(result.OfType("update_display_data").Single()), Does.Match(@"^Installed CsvHelper \d+\.\d+\.\d+ \(1 assembly\)"));
    }

    [Test]
    public void Completion_knows_a_packages_types_after_a_cell_of_directives_only_and_after_the_cells_that_follow()
    {
        var restored = Client.Execute("#r \"nuget: YamlDotNet, 16.3.0\"", timeout: RestoreTimeout);
        Assert.That(restored.Status, Is.EqualTo("ok"), restored.ToString());
        Assert.That(CompletionsOf("YamlDotNet.Serialization.SerializerBui"), Does.Contain("SerializerBuilder"), "right after the directive's cell");

        Assert.That(Client.Execute("var builder = new YamlDotNet.Serialization.SerializerBuilder();").Status, Is.EqualTo("ok"));
        Assert.That(CompletionsOf("builder.WithNamingConv"), Does.Contain("WithNamingConvention"), "a later cell's variable of a package type");
    }

    private List<string> CompletionsOf(string code) =>
        [.. Client.Request("complete_request", new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["cursor_pos"] = code.Length })
            .Content.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!)];
}
