using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Benchmarks;

/// <summary>The requests a notebook front end sends while the user types, and the cells that give them something to find.</summary>
internal static class Requests
{
    public static readonly string[] Cells =
    [
        "var fruitBasket = new List<string> { \"apple\", \"pear\" };",
        "int Triple(int x) => 3 * x;",
        "class Rocket { public int Stages = 2; public void Launch() { } }",
    ];

    public static readonly (string Code, int Cursor)[] Completions =
    [
        ("Console.", 8),
        ("fruitB", 6),
        ("fruitBasket.", 12),
        ("using System.Coll", 17),
        ("new Rocket().", 13),
        ("Math.Ma", 7),
    ];

    public static readonly (string Code, int Cursor)[] Inspections =
    [
        ("Math.Max", 6),
        ("fruitBasket", 5),
        ("Console.WriteLine(", 18),
        ("Triple", 3),
    ];

    public static void DeclareCells(KernelClient client)
    {
        foreach (var cell in Cells)
        {
            if (client.Execute(cell).Status != "ok")
                throw new InvalidOperationException($"the benchmark cell failed: {cell}");
        }
    }

    public static ReceivedMessage Complete(KernelClient client, (string Code, int Cursor) request)
    {
        var reply = client.Request("complete_request", new JsonObject { ["code"] = request.Code, ["cursor_pos"] = request.Cursor });
        return reply.Content.GetProperty("matches").GetArrayLength() > 0
            ? reply
            : throw new InvalidOperationException($"no completions for '{request.Code}'");
    }

    public static ReceivedMessage Inspect(KernelClient client, (string Code, int Cursor) request)
    {
        var reply = client.Request("inspect_request", new JsonObject { ["code"] = request.Code, ["cursor_pos"] = request.Cursor, ["detail_level"] = 0 });
        return reply.Content.GetProperty("found").GetBoolean()
            ? reply
            : throw new InvalidOperationException($"nothing found for '{request.Code}'");
    }

    /// <summary>A kernel with the declared cells run and completion warmed once, ready to be sampled.</summary>
    public static (KernelProcess Kernel, KernelClient Client) WarmKernel()
    {
        var kernel = KernelProcess.Start("benchmark");
        var client = new KernelClient(kernel);
        client.WaitForReady();
        DeclareCells(client);
        Complete(client, Completions[0]);
        return (kernel, client);
    }

    /// <summary>Every completion and inspection request, <paramref name="rounds"/> times, timed one by one.</summary>
    public static IReadOnlyList<Latency> Sample(KernelClient client, int rounds, string completionName, string inspectionName)
    {
        var completion = new Latency(completionName);
        var inspection = new Latency(inspectionName);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var request in Completions)
                completion.Time(() => Complete(client, request));
            foreach (var request in Inspections)
                inspection.Time(() => Inspect(client, request));
        }
        return [completion, inspection];
    }
}
