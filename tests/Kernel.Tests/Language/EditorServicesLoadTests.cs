using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

/// <summary>
/// Roslyn's editor services (the workspace, its MEF composition, completion and quick info) hold
/// about 65 MiB: a session that only runs cells never loads them, and the first completion or
/// inspection loads C#'s alone. Each test starts a kernel of its own, so no earlier request has
/// loaded them.
/// </summary>
public sealed class EditorServicesLoadTests
{
    private const string LoadedEditorAssemblies =
        "string.Join(\",\", AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name!)" +
        ".Where(n => n.EndsWith(\"Workspaces\") || n.EndsWith(\"Features\") || n.StartsWith(\"System.Composition\")" +
        " || n.StartsWith(\"Microsoft.CodeAnalysis.VisualBasic\")).Order())";

    private KernelProcess _kernel = null!;
    private KernelClient _client = null!;

    [SetUp]
    public void StartKernel()
    {
        _kernel = KernelProcess.Start("editor-services-key");
        _client = new KernelClient(_kernel);
        _client.WaitForReady();
    }

    [TearDown]
    public void StopKernel()
    {
        _client.Dispose();
        _kernel.Dispose();
    }

    [Test]
    public void Cells_and_is_complete_leave_the_editor_services_unloaded()
    {
        Assert.That(_client.Execute("var x = 1;\nx + 1").Result, Is.EqualTo("2"));
        var isComplete = _client.Request("is_complete_request", new JsonObject { ["code"] = "if (x > 0) {" });
        Assert.That(isComplete.Content.GetProperty("status").GetString(), Is.EqualTo("incomplete"));

        Assert.That(_client.Execute(LoadedEditorAssemblies).Result, Is.EqualTo("\"\""));
    }

    [TestCase("complete_request")]
    [TestCase("inspect_request")]
    public void The_first_completion_or_inspection_loads_the_editor_services_of_CSharp_alone(string request)
    {
        var reply = _client.Request(request, new JsonObject { ["code"] = "Console.Wri", ["cursor_pos"] = 10, ["detail_level"] = 0 });
        Assert.That(reply.Content.GetProperty("status").GetString(), Is.EqualTo("ok"));

        var loaded = _client.Execute(LoadedEditorAssemblies).Result;
        Assert.That(loaded, Does.Contain("Microsoft.CodeAnalysis.CSharp.Features").And.Contain("Microsoft.CodeAnalysis.CSharp.Workspaces"));
        Assert.That(loaded, Does.Not.Contain("VisualBasic"));
    }
}
