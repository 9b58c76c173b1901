using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CSharpKernel.Wire;

namespace CSharpKernel.Client;

/// <summary>The fields of the connection file a client writes for a kernel it starts, as jupyter_client writes them.</summary>
internal static class LoopbackConnection
{
    /// <summary>Five loopback ports from <see cref="FreePorts"/> over tcp, or five socket files under one temporary path over ipc.</summary>
    public static JsonObject Loopback(string key, string kernelName, string transport = "tcp")
    {
        var ipc = transport == "ipc";
        var connection = new JsonObject
        {
            ["transport"] = transport,
            ["ip"] = ipc ? Path.Combine(Path.GetTempPath(), $"kernel-ipc-{Guid.NewGuid():N}") : "127.0.0.1",
            ["key"] = key,
            ["signature_scheme"] = MessageSigner.Scheme,
            ["kernel_name"] = kernelName,
        };
        string[] channels = ["shell", "iopub", "stdin", "control", "hb"];
        for (var i = 0; i < channels.Length; i++)
            connection[channels[i] + "_port"] = ipc ? i + 1 : FreePorts.Next();
        return connection;
    }

    /// <summary>A key nobody else knows, for a kernel only this client talks to.</summary>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Endpoint(JsonObject connection, string channel)
    {
        var transport = connection["transport"]!.GetValue<string>();
        var ip = connection["ip"]!.GetValue<string>();
        var port = connection[channel + "_port"]!.GetValue<int>();
        return transport == "ipc" ? $"ipc://{ip}-{port}" : $"{transport}://{ip}:{port}";
    }
}
