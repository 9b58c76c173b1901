using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Notebooks;

/// <summary>
/// Runs one notebook of notebooks/ cell by cell through the real kernel, as a front end would, and
/// checks each code cell's outputs against the expectations its fixture keeps by cell id.
/// </summary>
public abstract class NotebookFixture : KernelFixture
{
    protected abstract string NotebookName { get; }

    /// <summary>One expectation per code cell, by the cell's id.</summary>
    private protected abstract IReadOnlyDictionary<string, CellExpectation> Expectations { get; }

    /// <summary>Whether cells are sent with allow_stdin, so that reading input asks the test.</summary>
    protected virtual bool AllowStdin => false;

    protected virtual TimeSpan CellTimeout => KernelClient.DefaultTimeout;

    protected NotebookFile Notebook => NotebookFile.Load(NotebookName);

    /// <summary>The cells that fail when nobody can type (as under nbconvert): by default, those expected to fail here.</summary>
    protected virtual IEnumerable<string> CellsThatFailUnattended => Expectations.Where(e => e.Value.Ename is not null).Select(e => e.Key);

    [Test]
    public void The_notebook_is_stored_without_outputs_for_the_csharp_kernel()
    {
        var notebook = Notebook;
        Assert.That(notebook.Format, Is.EqualTo("4.5"));
        Assert.That(notebook.KernelName, Is.EqualTo("csharp"));
        Assert.That(notebook.LanguageName, Is.EqualTo("csharp"));
        Assert.That(notebook.CellIds, Has.None.Null.And.None.Empty.And.Unique, "every cell has its own stable id");
        Assert.That(notebook.CodeCells.Select(c => c.Id), Is.EquivalentTo(Expectations.Keys), "one expectation per code cell");
        Assert.That(notebook.CodeCells.Where(c => c.StoredOutputs > 0 || c.HasExecutionCount).Select(c => c.Id), Is.Empty, "cells stored with outputs");
    }

    /// <summary>nbclient stops at the first error outside a cell tagged raises-exception, and the tag promises an error.</summary>
    [Test]
    public void Exactly_the_cells_that_fail_unattended_are_tagged_raises_exception()
    {
        var tagged = Notebook.CodeCells.Where(c => c.RaisesException).Select(c => c.Id);
        Assert.That(tagged, Is.EquivalentTo(CellsThatFailUnattended));
    }

    [Test, Order(1)]
    public void Every_cell_shows_what_the_notebook_says_it_does()
    {
        var cells = Notebook.CodeCells;
        for (var i = 0; i < cells.Count; i++)
        {
            var expected = Expectations[cells[i].Id];
            var result = Run(cells[i], expected.Inputs, AllowStdin);
            var what = $"{cells[i]}\n{result}";
            Assert.That(result.Reply.Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(i + 1), what);
            Check(result, expected, what);
        }
    }

    /// <summary>Runs a cell, answering each input_request it sends with the next of <paramref name="inputs"/>.</summary>
    private protected ExecutionResult Run(NotebookCell cell, IReadOnlyList<InputAnswer> inputs, bool allowStdin)
    {
        var id = Client.SendExecute(cell.Source, allowStdin: allowStdin, stopOnError: false);
        foreach (var input in inputs)
        {
            var request = Client.TryReceiveFor("stdin", m => m.MsgType == "input_request", CellTimeout)
                          ?? throw new TimeoutException($"{cell}\nasked for no input; expected the prompt '{input.Prompt}'\n{Kernel.Stderr}");
            Assert.That(request.ParentMsgId, Is.EqualTo(id), cell.ToString());
            Assert.That(request.Str("prompt"), Is.EqualTo(input.Prompt), cell.ToString());
            Assert.That(request.Content.GetProperty("password").GetBoolean(), Is.EqualTo(input.Password), $"{cell}\npassword flag");
            Client.Send("stdin", "input_reply", new JsonObject { ["value"] = input.Answer });
        }
        var result = Client.Collect(id, CellTimeout);
        Assert.That(Client.TryReceive("stdin", TimeSpan.Zero), Is.Null, $"{cell}\nasked for more input than expected");
        return result;
    }

    private protected static void Check(ExecutionResult result, CellExpectation expected, string what)
    {
        if (expected.StdoutPattern is { } pattern)
            Assert.That(result.Stdout, Does.Match(pattern), what);
        else
            Assert.That(result.Stdout, Is.EqualTo(expected.Stdout), what);
        Assert.That(result.Stderr, Is.Empty, what);

        if (expected.ResultContains is { } fragment)
            Assert.That(result.Result, Does.Contain(fragment), what);
        else
            Assert.That(result.Result, Is.EqualTo(expected.Result), what);

        if (expected.Ename is null)
        {
            Assert.That(result.Status, Is.EqualTo("ok"), what);
        }
        else
        {
            Assert.That(result.Error?.Str("ename"), Is.EqualTo(expected.Ename), what);
            Assert.That(result.Error!.Str("evalue"), Does.Contain(expected.EvalueContains ?? ""), what);
        }

        var displays = result.OfType("display_data").ToList();
        var updates = result.OfType("update_display_data").ToList();
        AssertEach(displays, expected.Displays, $"displays of {what}");
        AssertEach(updates, expected.Updates, $"updates of {what}");
        var displayIds = displays.Select(DisplayId).ToList();
        Assert.That(displayIds, Has.None.Null.And.Unique, what);
        Assert.That(updates.Select(DisplayId).Distinct(), Is.SubsetOf(displayIds), $"updates replace displays of the same cell: {what}");

        var html = string.Concat(displays.Concat(updates).Concat(result.OfType("execute_result")).Select(m => Data(m, "text/html")));
        if (expected.Html.Count == 0)
            Assert.That(html, Is.Empty, $"no HTML expected: {what}");
        foreach (var part in expected.Html)
            Assert.That(html, Does.Contain(part), what);

        expected.Also?.Invoke(result);
    }

    /// <summary>The value of one mime type in a display or result, or "" when it has none.</summary>
    private protected static string Data(ReceivedMessage message, string mimeType) =>
        message.Content.GetProperty("data").TryGetProperty(mimeType, out var value) ? value.GetString()! : "";

    private static void AssertEach(List<ReceivedMessage> messages, IReadOnlyList<string> fragments, string what)
    {
        Assert.That(messages, Has.Count.EqualTo(fragments.Count), what);
        for (var i = 0; i < fragments.Count; i++)
            Assert.That(Data(messages[i], "text/plain"), Does.Contain(fragments[i]), what);
    }

    private static string? DisplayId(ReceivedMessage message) =>
        message.Content.TryGetProperty("transient", out var transient) && transient.TryGetProperty("display_id", out var id) ? id.GetString() : null;
}
