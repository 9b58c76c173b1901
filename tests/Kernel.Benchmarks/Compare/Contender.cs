using System.Text.Json.Nodes;
using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// One kernel in the comparison: how its kernelspec starts it, how a client interrupts it, and the
/// same small programs written in its language.
/// </summary>
internal sealed class Contender(string name, string specDirectory, IReadOnlyList<string> argv, bool interruptByMessage,
    IReadOnlyDictionary<string, string> environment, ContenderCode code)
{
    public string Name { get; } = name;
    public string SpecDirectory { get; } = specDirectory;
    public bool InterruptByMessage { get; } = interruptByMessage;
    public ContenderCode Code { get; } = code;

    /// <summary>Reads kernel.json as jupyter_client does: argv, interrupt_mode and env.</summary>
    public static Contender FromKernelspec(string name, string specDirectory, ContenderCode code, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(specDirectory, "kernel.json")))!.AsObject();
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        var byMessage = spec["interrupt_mode"]?.GetValue<string>() == "message";
        var environment = new Dictionary<string, string>();
        if (spec["env"] is JsonObject env)
        {
            foreach (var (key, value) in env)
                environment[key] = value!.GetValue<string>();
        }
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
            environment[key] = value;
        return new Contender(name, specDirectory, argv, byMessage, environment, code);
    }

    public KernelProcess Start() => KernelProcess.StartFromArgv(argv, "benchmark-key", environment);

    /// <summary>An interrupt_request on control when the spec asks for messages, else SIGINT, as jupyter_client decides.</summary>
    public string? Interrupt(KernelClient client)
    {
        if (InterruptByMessage)
            return client.Send("control", "interrupt_request", new JsonObject());
        Signals.Interrupt(client.Kernel!.Process.Id);
        return null;
    }

    public override string ToString() => $"{Name}: {string.Join(' ', argv)}";
}
