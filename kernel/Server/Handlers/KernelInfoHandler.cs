using System.Runtime.InteropServices;
using CSharpKernel.Execution;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>kernel_info_request, on shell and on control.</summary>
internal static class KernelInfoHandler
{
    public static readonly string ImplementationVersion =
        typeof(KernelInfoHandler).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    internal static readonly KernelInfoReply Info = Build();

    public static void Handle(RequestContext request) =>
        request.Reply(Info, ProtocolJsonContext.Default.KernelInfoReply);

    private static KernelInfoReply Build()
    {
        var languageVersion = DefaultScriptOptions.LanguageVersionText;
        return new KernelInfoReply
        {
            ProtocolVersion = Messenger.ProtocolVersion,
            Implementation = "csharp-kernel",
            ImplementationVersion = ImplementationVersion,
            LanguageInfo = new LanguageInfo
            {
                Name = "csharp",
                Version = languageVersion,
                Mimetype = "text/x-csharp",
                FileExtension = ".cs",
                PygmentsLexer = "csharp",
                CodemirrorMode = "text/x-csharp",
                NbconvertExporter = "script",
            },
            Banner = $"C# {languageVersion} on {RuntimeInformation.FrameworkDescription}, csharp-kernel {ImplementationVersion}",
            HelpLinks =
            [
                new HelpLink("C# language reference", "https://learn.microsoft.com/dotnet/csharp/"),
                new HelpLink(".NET API browser", "https://learn.microsoft.com/dotnet/api/"),
            ],
        };
    }
}
