using System.Text.Json.Nodes;
using CSharpKernel.Client;

namespace CSharpKernel.Cli;

/// <summary>
/// Turns one cell's iopub messages into nbformat 4 outputs, as a notebook front end keeps them:
/// consecutive stream text joined, displays updated in place by display_id, clear_output honoured.
/// </summary>
internal static class NotebookOutputs
{
    public static JsonArray From(IEnumerable<ReceivedMessage> messages)
    {
        var outputs = new List<JsonObject>();
        var clearPending = false;
        foreach (var message in messages)
        {
            var content = JsonNode.Parse(message.Content.GetRawText())!.AsObject();
            if (message.MsgType == "clear_output")
            {
                if (content["wait"]?.GetValue<bool>() == true)
                    clearPending = true;
                else
                    outputs.Clear();
                continue;
            }
            if (message.MsgType == "update_display_data")
            {
                Update(outputs, content);
                continue;
            }
            if (Output(message.MsgType, content) is not { } output)
                continue;
            if (clearPending)
            {
                outputs.Clear();
                clearPending = false;
            }
            if (output["output_type"]!.GetValue<string>() == "stream" && outputs.LastOrDefault() is { } last
                && last["output_type"]!.GetValue<string>() == "stream" && last["name"]!.GetValue<string>() == output["name"]!.GetValue<string>())
            {
                last["text"] = last["text"]!.GetValue<string>() + output["text"]!.GetValue<string>();
                continue;
            }
            outputs.Add(output);
        }
        return new JsonArray(outputs.Select(o => (JsonNode)o).ToArray());
    }

    private static JsonObject? Output(string msgType, JsonObject content) => msgType switch
    {
        "stream" => new JsonObject { ["output_type"] = "stream", ["name"] = content["name"]!.DeepClone(), ["text"] = content["text"]!.DeepClone() },
        "display_data" => new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = content["data"]!.DeepClone(),
            ["metadata"] = content["metadata"]?.DeepClone() ?? new JsonObject(),
            ["__display_id"] = content["transient"]?["display_id"]?.DeepClone(),
        },
        "execute_result" => new JsonObject
        {
            ["output_type"] = "execute_result",
            ["execution_count"] = content["execution_count"]!.DeepClone(),
            ["data"] = content["data"]!.DeepClone(),
            ["metadata"] = content["metadata"]?.DeepClone() ?? new JsonObject(),
        },
        "error" => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = content["ename"]!.DeepClone(),
            ["evalue"] = content["evalue"]!.DeepClone(),
            ["traceback"] = content["traceback"]!.DeepClone(),
        },
        _ => null,
    };

    private static void Update(List<JsonObject> outputs, JsonObject content)
    {
        var id = content["transient"]?["display_id"]?.GetValue<string>();
        foreach (var output in outputs.Where(o => o["__display_id"]?.GetValue<string>() == id))
        {
            output["data"] = content["data"]!.DeepClone();
            output["metadata"] = content["metadata"]?.DeepClone() ?? new JsonObject();
        }
    }

    /// <summary>The display ids are kept only while a cell runs; nbformat has no field for them.</summary>
    public static void Seal(JsonArray outputs)
    {
        foreach (var output in outputs.OfType<JsonObject>())
            output.Remove("__display_id");
    }

    public static string Text(JsonObject output) => output["output_type"]!.GetValue<string>() switch
    {
        "stream" => output["text"]!.GetValue<string>(),
        "error" => string.Join(Environment.NewLine, output["traceback"]!.AsArray().Select(t => t!.GetValue<string>())) + Environment.NewLine,
        _ => (output["data"]?["text/plain"] is { } plain ? PlainText(plain) : "") + Environment.NewLine,
    };

    private static string PlainText(JsonNode node) => node is JsonArray lines
        ? string.Concat(lines.Select(l => l!.GetValue<string>()))
        : node.GetValue<string>();
}
