using System.Text.Json;
using System.Text.Json.Nodes;

namespace CSharpKernel.Cli;

/// <summary>
/// Writes the kernelspec: the template's kernel.json with argv pointing at this build, and the logos.
/// </summary>
internal static class KernelspecInstaller
{
    private const string TemplateFolder = "kernelspec";

    /// <param name="environment">Added to the template's env (the security level, the allowed packages); none leaves kernel.json as it always was.</param>
    public static string Install(string kernelsDirectory, string name, string displayName, IReadOnlyDictionary<string, string>? environment = null)
    {
        var source = Path.Combine(AppContext.BaseDirectory, TemplateFolder);
        var target = Path.Combine(kernelsDirectory, name);
        Directory.CreateDirectory(target);

        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "kernel.json")))!.AsObject();
        var templateArgv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).Skip(1);
        spec["argv"] = new JsonArray(KernelLauncher.Command().Concat(templateArgv).Select(a => (JsonNode)a).ToArray());
        spec["display_name"] = displayName;
        if (spec["env"] is not JsonObject env)
            spec["env"] = env = [];
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
            env[variable] = value;
        File.WriteAllText(Path.Combine(target, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        foreach (var logo in Directory.EnumerateFiles(source, "logo-*"))
            File.Copy(logo, Path.Combine(target, Path.GetFileName(logo)), overwrite: true);
        return target;
    }
}
