using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// How a refusal looks and what it leaves, at the sandbox level: a compile error that names the
/// API, the level, the line and the column, lists every refusal of the cell, runs none of it, and
/// leaves the variables, <c>_</c>, <c>Out</c> and the execution count as any compile error does.
/// </summary>
public sealed class PolicyRefusalTests : KernelFixture
{
    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "sandbox" };

    protected override string WorkingDirectory => EscapeWorkspace.Directory;

    [Test]
    public void A_refused_cell_is_a_compile_error_that_names_the_api_the_level_and_the_place_and_runs_none_of_its_lines()
    {
        Assert.That(Client.Execute("var before = 1;").Status, Is.EqualTo("ok"));
        Assert.That(Client.Execute("6 * 7").Result, Is.EqualTo("42"));
        var result = Client.Execute("before = 2;\nvar text = System.IO.File.ReadAllText(\"data.txt\");\ntext", stopOnError: false);
        var count = result.Reply.Content.GetProperty("execution_count").GetInt32();

        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Error!.Str("ename"), Is.EqualTo("PolicyRefusal"));
        Assert.That(result.Error.Str("evalue"), Is.EqualTo("(2,12): System.IO.File.ReadAllText is not allowed at the sandbox level"));
        Assert.That(Traceback(result), Is.EqualTo(new[] { $"Cell In[{count}], line 2, col 12: System.IO.File.ReadAllText is not allowed at the sandbox level" }));
        Assert.That(Client.Execute("before").Result, Is.EqualTo("1"), "the cell's first line did not run");
        Assert.That(Client.Execute("_").Result, Is.EqualTo("1"), "_ is the last value, as after any compile error");
        Assert.That(Client.Execute($"Out.ContainsKey({count})").Result, Is.EqualTo("false"), "the refused cell has no Out");
    }

    [Test]
    public void Every_refusal_of_the_cell_is_reported_in_the_order_written()
    {
        var result = Client.Execute("var a = File.Exists(\"x\");\nvar b = Environment.GetEnvironmentVariable(\"HOME\");\nvar c = new System.Net.Http.HttpClient();", stopOnError: false);
        var count = result.Reply.Content.GetProperty("execution_count").GetInt32();

        Assert.That(result.Error!.Str("evalue"), Is.EqualTo("(1,9): System.IO.File.Exists is not allowed at the sandbox level (and 2 more)"));
        Assert.That(Traceback(result), Is.EqualTo(new[]
        {
            $"Cell In[{count}], line 1, col 9: System.IO.File.Exists is not allowed at the sandbox level",
            $"Cell In[{count}], line 2, col 9: System.Environment.GetEnvironmentVariable is not allowed at the sandbox level",
            $"Cell In[{count}], line 3, col 9: System.Net.Http.HttpClient is not allowed at the sandbox level",
        }));
    }

    [Test]
    public void A_refused_directive_stops_the_whole_cell_before_any_package_is_restored()
    {
        var result = Client.Execute("#r \"nuget: Humanizer.Core, 2.14.1\"\n#load \"helper.csx\"\n1", stopOnError: false);
        var count = result.Reply.Content.GetProperty("execution_count").GetInt32();

        Assert.That(Traceback(result), Is.EqualTo(new[]
        {
            $"Cell In[{count}], line 1, col 1: #r \"nuget: Humanizer.Core, 2.14.1\" is not allowed at the sandbox level",
            $"Cell In[{count}], line 2, col 1: #load \"helper.csx\" is not allowed at the sandbox level",
        }));
        Assert.That(result.OfType("display_data"), Is.Empty, "no restore started");
    }

    [Test]
    public void User_expressions_are_checked_as_cells_are()
    {
        var result = Client.Execute("1", userExpressions: new JsonObject { ["secret"] = "System.IO.File.ReadAllText(\"data.txt\")" });
        var secret = result.Reply.Content.GetProperty("user_expressions").GetProperty("secret");

        Assert.That(secret.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(secret.GetProperty("ename").GetString(), Is.EqualTo("PolicyRefusal"));
    }

    [Test]
    public void A_cell_that_does_not_compile_reports_the_compiler_errors_not_refusals()
    {
        var result = Client.Execute("File.ReadAllText(\"data.txt\") + undefinedName", stopOnError: false);
        Assert.That(result.Error!.Str("ename"), Is.EqualTo("CompilationError"));
    }

    private static List<string?> Traceback(ExecutionResult result) =>
        result.Error!.Content.GetProperty("traceback").EnumerateArray().Select(l => l.GetString()).ToList();
}
