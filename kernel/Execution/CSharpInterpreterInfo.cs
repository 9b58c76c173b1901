using System.Runtime.InteropServices;
using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Execution;

/// <summary>What kernel_info_reply says of C#; built on first use, when the first kernel_info_request comes.</summary>
internal static class CSharpInterpreterInfo
{
    public static readonly string ImplementationVersion =
        typeof(CSharpInterpreterInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static InterpreterInfo Info { get; } = Build();

    /// <summary>The banner says which security level is in force, its limits and its second wall.</summary>
    public static InterpreterInfo WithLevel => Info with { Banner = Info.Banner + "\n" + LevelInForce.Line };

    private static InterpreterInfo Build()
    {
        var languageVersion = DefaultScriptOptions.LanguageVersionText;
        var language = new LanguageInfo
        {
            Name = "csharp",
            Version = languageVersion,
            Mimetype = "text/x-csharp",
            FileExtension = ".cs",
            PygmentsLexer = "csharp",
            CodemirrorMode = "text/x-csharp",
            NbconvertExporter = "script",
        };
        return new InterpreterInfo("csharp-kernel", ImplementationVersion, language,
            $"C# {languageVersion} on {RuntimeInformation.FrameworkDescription}, csharp-kernel {ImplementationVersion}",
            [
                new HelpLink("C# language reference", "https://learn.microsoft.com/dotnet/csharp/"),
                new HelpLink(".NET API browser", "https://learn.microsoft.com/dotnet/api/"),
            ]);
    }
}
