using System.Text.Json;
using System.Text.Json.Serialization;

namespace CSharpKernel.Server;

/// <summary>The connection file a client writes before it starts the kernel.</summary>
internal sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("hb_port")] public int HbPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";
    [JsonPropertyName("kernel_name")] public string? KernelName { get; init; }

    public static ConnectionInfo Load(string path)
    {
        var info = JsonSerializer.Deserialize(File.ReadAllText(path), ServerJsonContext.Default.ConnectionInfo)
                   ?? throw new InvalidDataException($"{path} is not a connection file");
        info.Validate();
        return info;
    }

    /// <summary>The address to bind: exactly the ip given, since gateways launch kernels remotely.</summary>
    public ChannelEndpoint Endpoint(int port) => Transport == "ipc"
        ? new ChannelEndpoint("ipc", $"{Ip}-{port}")
        : new ChannelEndpoint("tcp", $"{Ip}:{port}");

    private void Validate()
    {
        if (Transport is not ("tcp" or "ipc"))
            throw new InvalidDataException($"transport '{Transport}' is not supported (tcp or ipc)");
        if (SignatureScheme != Wire.MessageSigner.Scheme)
            throw new InvalidDataException($"signature_scheme '{SignatureScheme}' is not supported (hmac-sha256)");
        int[] ports = [ShellPort, IopubPort, StdinPort, ControlPort, HbPort];
        if (ports.Any(p => p <= 0 || p > 65535))
            throw new InvalidDataException("every port (shell, iopub, stdin, control, hb) must be given");
    }
}
