using System.Diagnostics;

namespace CSharpKernel.Tests.Clients;

/// <summary>What a finished client program printed and how it ended.</summary>
public sealed record ProgramOutput(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs a program in the sandbox to its end; past the timeout it is killed with its children and the test fails.</summary>
    public static ProgramOutput Run(string program, IEnumerable<string> arguments, JupyterSandbox sandbox, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sandbox.Root,
        };
        sandbox.ApplyTo(start);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within {timeout}:\n{stdout.Result}\n{stderr.Result}");
        }
        process.WaitForExit();
        return new ProgramOutput(process.ExitCode, stdout.Result, stderr.Result);
    }

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
