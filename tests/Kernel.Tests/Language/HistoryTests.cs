using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

/// <summary>history_request over the wire; kernels here share a history file of their own, as restarts of one user's kernel do.</summary>
public sealed class HistoryTests
{
    private string _directory = "";
    private string _database = "";

    [SetUp]
    public void CreateDatabasePath()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"kernel-history-{Guid.NewGuid():N}");
        _database = Path.Combine(_directory, "history.sqlite");
    }

    [TearDown]
    public void DeleteDatabase()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void History_survives_a_kernel_restart_in_a_later_session()
    {
        using (var first = Connect())
        {
            first.Client.Execute("var planet = \"Mars\";");
            first.Client.Execute("6*7");
            ShutDown(first);
        }
        using var second = Connect();
        second.Client.Execute("var moon = \"Phobos\";");

        var previous = Entries(History(second.Client, new JsonObject { ["hist_access_type"] = "range", ["session"] = -1, ["start"] = 1, ["output"] = true }));
        Assert.That(previous.Select(e => (e.Line, e.Input, e.Output)),
            Is.EqualTo(new[] { (1, "var planet = \"Mars\";", (string?)null), (2, "6*7", "42") }));

        var current = Entries(History(second.Client, new JsonObject { ["hist_access_type"] = "range", ["session"] = 0, ["start"] = 1 }));
        Assert.That(current.Select(e => e.Input), Is.EqualTo(new[] { "var moon = \"Phobos\";" }));
        Assert.That(current.Single().Session, Is.EqualTo(previous[0].Session + 1), "session numbers grow per kernel start");

        var tail = Entries(History(second.Client, new JsonObject { ["hist_access_type"] = "tail", ["n"] = 2 }));
        Assert.That(tail.Select(e => e.Input), Is.EqualTo(new[] { "6*7", "var moon = \"Phobos\";" }), "tail reaches back into the earlier session");
    }

    [Test]
    public void Search_matches_a_glob_across_sessions_and_unique_keeps_the_latest()
    {
        using (var first = Connect())
        {
            first.Client.Execute("var apples = 1;");
            first.Client.Execute("apples + 1");
            ShutDown(first);
        }
        using var second = Connect();
        second.Client.Execute("apples + 1");
        second.Client.Execute("var pears = 2;");

        var declarations = Entries(History(second.Client, new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "var ?????? = ?;" }));
        Assert.That(declarations.Select(e => e.Input), Is.EqualTo(new[] { "var apples = 1;" }));

        var unique = Entries(History(second.Client, new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "apples*", ["unique"] = true }));
        Assert.That(unique, Has.Count.EqualTo(1));
        Assert.That(unique[0].Session, Is.GreaterThan(declarations[0].Session), "the latest run of a repeated input is the one kept");

        var lastOne = Entries(History(second.Client, new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "var *", ["n"] = 1 }));
        Assert.That(lastOne.Select(e => e.Input), Is.EqualTo(new[] { "var pears = 2;" }));
    }

    [Test]
    public void Silent_and_unstored_cells_stay_out_of_history()
    {
        using var kernel = Connect();
        kernel.Client.Execute("1", silent: true);
        kernel.Client.Execute("2", storeHistory: false);
        kernel.Client.Execute("3");
        var all = Entries(History(kernel.Client, new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 }));
        Assert.That(all.Select(e => (e.Line, e.Input)), Is.EqualTo(new[] { (1, "3") }));
    }

    [Test]
    public void A_kernel_whose_history_file_cannot_be_opened_still_runs_and_says_why()
    {
        Directory.CreateDirectory(_directory);
        var blocker = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(blocker, "");
        using var kernel = Connect(Path.Combine(blocker, "history.sqlite"));
        Assert.That(kernel.Client.Execute("1 + 1").Result, Is.EqualTo("2"));
        var tail = Entries(History(kernel.Client, new JsonObject { ["hist_access_type"] = "tail", ["n"] = 1, ["output"] = true }));
        Assert.That(tail.Single().Output, Is.EqualTo("2"), "this session's history is kept in memory");
        Assert.That(kernel.Kernel.Stderr, Does.Contain("history: cannot open"));
    }

    private Connected Connect(string? database = null)
    {
        var process = KernelProcess.Start("history-key", new Dictionary<string, string> { ["CSHARP_KERNEL_HISTORY"] = database ?? _database });
        var client = new KernelClient(process);
        client.WaitForReady();
        return new Connected(process, client);
    }

    private static void ShutDown(Connected kernel)
    {
        kernel.Client.Request("shutdown_request", new JsonObject { ["restart"] = false }, "control");
        Assert.That(kernel.Kernel.WaitForExit(TimeSpan.FromSeconds(30)), Is.True, "the kernel exits after shutdown");
    }

    private static JsonElement History(KernelClient client, JsonObject request)
    {
        request["raw"] ??= true;
        request["output"] ??= false;
        var reply = client.Request("history_request", request).Content;
        Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("ok"));
        return reply.GetProperty("history");
    }

    private static List<(int Session, int Line, string Input, string? Output)> Entries(JsonElement history) =>
    [
        .. history.EnumerateArray().Select(entry =>
        {
            var value = entry[2];
            return value.ValueKind == JsonValueKind.Array
                ? (entry[0].GetInt32(), entry[1].GetInt32(), value[0].GetString()!, value[1].GetString())
                : (entry[0].GetInt32(), entry[1].GetInt32(), value.GetString()!, (string?)null);
        }),
    ];

    private sealed record Connected(KernelProcess Kernel, KernelClient Client) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Kernel.Dispose();
        }
    }
}
